package org.sigportal.base.ui;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Push;
import com.vaadin.flow.server.AppShellSettings;
import com.vaadin.flow.theme.lumo.Lumo;

/**
 * Loads Lumo and the portal's own stylesheet (from the frontend module, no bundle build), enables push
 * for live updates, and applies the remembered colour scheme before the first paint.
 */
@Push
@StyleSheet(Lumo.STYLESHEET)
@StyleSheet(Lumo.UTILITY_STYLESHEET)
@StyleSheet("styles.css")
public class AppShell implements AppShellConfigurator {

    @Override
    public void configurePage(AppShellSettings settings) {
        settings.setPageTitle("Cloud Native SIG Portal");
        settings.addFavIcon("icon", "icons/logo.svg", "any");
        settings.addInlineWithContents("""
                (function () {
                  try {
                    var stored = localStorage.getItem('portal-theme');
                    var dark = stored ? stored === 'dark'
                        : window.matchMedia && window.matchMedia('(prefers-color-scheme: dark)').matches;
                    if (dark) { document.documentElement.setAttribute('theme', 'dark'); }
                  } catch (e) { /* storage disabled: keep the light theme */ }
                })();
                """, com.vaadin.flow.component.page.Inline.Wrapping.JAVASCRIPT);
    }
}
