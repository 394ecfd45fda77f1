package org.sigportal.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.avatar.Avatar;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.menubar.MenuBar;
import com.vaadin.flow.component.menubar.MenuBarVariant;
import com.vaadin.flow.component.contextmenu.SubMenu;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.Scroller;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.server.auth.AccessAnnotationChecker;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.spring.security.AuthenticationContext;
import org.sigportal.base.i18n.LocaleSelection;
import org.sigportal.base.i18n.SupportedLocales;
import org.sigportal.base.demo.DemoMode;

import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.ArrayList;

/**
 * The portal's frame: brand, language and colour-scheme switches, the user menu, and the side navigation
 * built from the {@link NavigationEntry} beans the features contribute.
 */
@Layout
@AnonymousAllowed
public class MainLayout extends AppLayout {

    public static final String ACCOUNT_ROUTE = "account";
    public static final String LOGIN_ROUTE = "login";
    public static final String SIGNUP_ROUTE = "signup";

    private final transient AuthenticationContext authentication;
    private final transient LocaleSelection localeSelection;

    public MainLayout(List<NavigationEntry> entries, AccessAnnotationChecker access,
                      AuthenticationContext authentication, LocaleSelection localeSelection, DemoMode demoMode,
                      org.springframework.beans.factory.ObjectProvider<NavbarWidget> widgets) {
        this.authentication = authentication;
        this.localeSelection = localeSelection;
        setPrimarySection(Section.DRAWER);

        DrawerToggle toggle = new DrawerToggle();
        toggle.setAriaLabel(getTranslation("nav.toggle"));
        HorizontalLayout navbar = new HorizontalLayout();
        navbar.addClassName("portal-navbar");
        navbar.setWidthFull();
        navbar.setAlignItems(FlexComponent.Alignment.CENTER);
        Span spacer = new Span();
        navbar.add(toggle);
        if (demoMode.enabled()) {
            Span demo = new Span(getTranslation("demo.badge"));
            demo.getElement().getThemeList().add("badge contrast");
            demo.setId("demo-badge");
            demo.getElement().setAttribute("title", getTranslation("demo.badge.tooltip"));
            navbar.add(demo);
        }
        navbar.add(spacer);
        navbar.setFlexGrow(1, spacer);
        widgets.stream().sorted(Comparator.comparingInt(NavbarWidget::order))
                .forEach(w -> w.create().ifPresent(navbar::add));
        navbar.add(languageSwitch(), themeSwitch(), userArea());
        addToNavbar(navbar);

        addToDrawer(brand(), new Scroller(navigation(entries, access)));
    }

    private Component brand() {
        Image logo = new Image("icons/logo.svg", "");
        logo.addClassName("portal-logo");
        Span name = new Span(getTranslation("app.name"));
        name.addClassName("portal-brand-name");
        Anchor home = new Anchor("", logo, name);
        home.addClassName("portal-brand");
        return home;
    }

    private Component navigation(List<NavigationEntry> entries, AccessAnnotationChecker access) {
        Map<NavGroup, List<NavigationEntry>> byGroup = new EnumMap<>(NavGroup.class);
        entries.stream()
                .filter(e -> access.hasAccess(e.view()))
                .sorted(Comparator.comparingInt(NavigationEntry::order))
                .forEach(e -> byGroup.computeIfAbsent(e.group(), g -> new ArrayList<>()).add(e));
        VerticalLayout column = new VerticalLayout();
        column.setPadding(false);
        column.setSpacing(true);
        byGroup.forEach((group, groupEntries) -> {
            SideNav nav = new SideNav();
            if (group != NavGroup.HOME) {
                nav.setLabel(getTranslation(group.labelKey()));
                nav.setCollapsible(true);
            }
            nav.setId("nav-" + group.name().toLowerCase(Locale.ROOT));
            groupEntries.forEach(e -> {
                SideNavItem item = new SideNavItem(getTranslation(e.labelKey()), e.view(), e.icon().create());
                nav.addItem(item);
            });
            nav.setWidthFull();
            column.add(nav);
        });
        return column;
    }

    private Component languageSwitch() {
        boolean chinese = SupportedLocales.CHINESE.getLanguage().equals(getLocale().getLanguage());
        Locale other = chinese ? SupportedLocales.ENGLISH : SupportedLocales.CHINESE;
        // Each language names itself, so a reader who cannot read the current one still finds theirs.
        Button button = new Button(chinese ? "English" : "中文", VaadinIcon.GLOBE.create(),
                e -> localeSelection.switchTo(other));
        button.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        button.setId("language-switch");
        button.getElement().setAttribute("lang", SupportedLocales.toTag(other));
        button.setTooltipText(getTranslation("nav.language"));
        return button;
    }

    private Component themeSwitch() {
        Button button = new Button(VaadinIcon.ADJUST.create());
        button.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ICON);
        button.setAriaLabel(getTranslation("nav.theme"));
        button.setTooltipText(getTranslation("nav.theme"));
        button.setId("theme-switch");
        button.addClickListener(e -> button.getElement().executeJs("""
                const root = document.documentElement;
                const dark = root.getAttribute('theme') !== 'dark';
                if (dark) { root.setAttribute('theme', 'dark'); } else { root.removeAttribute('theme'); }
                try { localStorage.setItem('portal-theme', dark ? 'dark' : 'light'); } catch (e) {}
                """));
        return button;
    }

    private Component userArea() {
        if (!authentication.isAuthenticated()) {
            Anchor signIn = new Anchor(LOGIN_ROUTE, getTranslation("nav.sign-in"));
            signIn.setId("sign-in-link");
            signIn.setRouterIgnore(false);
            return signIn;
        }
        String user = authentication.getPrincipalName().orElse("");
        Avatar avatar = new Avatar(user);
        avatar.addThemeVariants(com.vaadin.flow.component.avatar.AvatarVariant.LUMO_XSMALL);
        MenuBar menu = new MenuBar();
        menu.setId("user-menu");
        menu.addThemeVariants(MenuBarVariant.LUMO_TERTIARY_INLINE);
        HorizontalLayout label = new HorizontalLayout(avatar, new Span(user));
        label.setAlignItems(FlexComponent.Alignment.CENTER);
        label.setSpacing(true);
        SubMenu sub = menu.addItem(label).getSubMenu();
        sub.addItem(getTranslation("nav.account"), e -> UI.getCurrent().navigate(ACCOUNT_ROUTE))
                .setId("menu-account");
        sub.addItem(getTranslation("nav.sign-out"), e -> authentication.logout()).setId("menu-sign-out");
        return menu;
    }
}
