package org.sigportal.base.ui;

/** The side navigation's groups, in display order. A group shows only when one of its entries works. */
public enum NavGroup {
    HOME("nav.group.home"),
    FLEET("nav.group.fleet"),
    RUNTIMES("nav.group.runtimes"),
    STORAGE("nav.group.storage"),
    COMMUNITY("nav.group.community"),
    REQUIREMENTS("nav.group.requirements"),
    DOCS("nav.group.docs"),
    ADMIN("nav.group.admin");

    private final String labelKey;

    NavGroup(String labelKey) {
        this.labelKey = labelKey;
    }

    public String labelKey() {
        return labelKey;
    }
}
