package org.sigportal.uitest;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;

import java.nio.file.Path;
import java.util.List;

/** One Playwright and one Debian Chromium for the whole run; each test opens its own isolated context. */
final class Browsers {

    private static Playwright playwright;
    private static Browser browser;

    private Browsers() {
    }

    static synchronized Browser chromium() {
        if (browser == null) {
            playwright = Playwright.create();
            String executable = System.getenv().getOrDefault("PORTAL_CHROMIUM", "/usr/bin/chromium");
            browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                    .setExecutablePath(Path.of(executable))
                    .setHeadless(true)
                    .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                            "--disable-background-networking", "--disable-component-update", "--disable-sync",
                            "--no-first-run")));
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                browser.close();
                playwright.close();
            }));
        }
        return browser;
    }
}
