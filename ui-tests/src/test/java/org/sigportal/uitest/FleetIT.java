package org.sigportal.uitest;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * An operator registers a real cluster (the Kubernetes test bed) by pasting its kubeconfig, sees the fleet
 * overview and the node grid fill from it, and cordons a node from the grid.
 */
class FleetIT extends PortalBrowserTest {

    private static Path testbed() throws IOException, InterruptedException {
        Path dir = Path.of("target", "testbed").toAbsolutePath();
        Path script = Path.of("..", "deploy", "testbed", "testbed.sh").toAbsolutePath().normalize();
        // A fresh API server every run: etcd's data from an earlier run would carry its cordons over.
        new ProcessBuilder("bash", script.toString(), "stop", dir.toString()).start().waitFor(1, TimeUnit.MINUTES);
        if (Files.exists(dir)) {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
        Files.createDirectories(dir.getParent());
        for (String step : new String[]{"start", "seed"}) {
            Process p = new ProcessBuilder("bash", script.toString(), step, dir.toString()).redirectErrorStream(true)
                    .redirectOutput(dir.getParent().resolve("testbed-" + step + ".log").toFile()).start();
            if (!p.waitFor(3, TimeUnit.MINUTES) || p.exitValue() != 0) {
                throw new IllegalStateException("testbed.sh " + step + " failed");
            }
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                new ProcessBuilder("bash", script.toString(), "stop", dir.toString()).start().waitFor(30,
                        TimeUnit.SECONDS);
            } catch (IOException | InterruptedException ignored) {
                // the run is ending
            }
        }));
        return dir;
    }

    @Test
    void anOperatorRegistersAClusterAndCordonsANode() throws Exception {
        String kubeconfig = Files.readString(testbed().resolve("kubeconfig"));
        signInAsAdmin(page);

        // The embedded default shows the demo fleet, through the same client code, marked as demo.
        page.navigate("/fleet/clusters");
        assertThat(page.locator("#clusters-grid")).containsText("demo-hangzhou-prod");
        assertThat(page.locator("#health-demo-hangzhou-prod")).hasText("Connected",
                new com.microsoft.playwright.assertions.LocatorAssertions.HasTextOptions().setTimeout(30_000));
        page.navigate("/fleet");
        assertThat(page.locator("#fleet-nodes")).containsText("300");
        int nodesBefore = number(page.locator("#fleet-nodes").innerText());
        int notReadyBefore = number(page.locator("#fleet-not-ready").innerText());
        page.navigate("/fleet/clusters");
        page.locator("#register-cluster").click();
        page.locator("#cluster-name input").fill("lifsea-prod");
        page.locator("#cluster-kubeconfig textarea").fill(kubeconfig);
        page.locator("#cluster-kubeconfig textarea").blur();
        assertThat(page.locator("#cluster-context")).isEnabled();
        page.locator("#cluster-save").click();
        assertThat(page.locator("#clusters-grid")).containsText("lifsea-prod");
        assertThat(page.locator("#clusters-grid")).containsText("v1.20.2");
        // Health updates by itself (pushed to the browser).
        assertThat(page.locator("#health-lifsea-prod")).hasText("Connected",
                new com.microsoft.playwright.assertions.LocatorAssertions.HasTextOptions().setTimeout(20_000));

        page.navigate("/fleet");
        assertThat(page.locator("#fleet-nodes")).containsText(String.valueOf(nodesBefore + 12));
        assertThat(page.locator("#fleet-not-ready")).containsText(String.valueOf(notReadyBefore + 2));
        assertThat(page.locator("#fleet-by-os")).containsText("LifseaOS 2.0 (Rust)");
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/fleet-overview.png"))
                .setFullPage(true));

        page.navigate("/fleet/nodes");
        page.locator("#nodes-selector input").fill("topology.kubernetes.io/zone=cn-hangzhou-b");
        assertThat(page.locator("#cordon-lifsea-node-02 >> visible=true")).isVisible();
        assertThat(page.locator("#nodes-grid")).not().containsText("lifsea-node-01");
        page.locator("#cordon-lifsea-node-02 >> visible=true").click();
        confirm(page);
        // The informer brings the change back and the grid refreshes itself.
        assertThat(page.locator("#uncordon-lifsea-node-02 >> visible=true")).isVisible(
                new com.microsoft.playwright.assertions.LocatorAssertions.IsVisibleOptions().setTimeout(15_000));
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/nodes.png")));

        // The node's detail: conditions with their messages, taints and labels.
        page.locator("#nodes-grid vaadin-grid-cell-content:text-is('lifsea-node-02') >> visible=true").click();
        assertThat(page.locator("#node-detail-conditions, #node-conditions")).containsText("Ready");
        assertThat(page.locator("#node-labels")).containsText("topology.kubernetes.io/zone=cn-hangzhou-b");
        page.locator("#close-node-detail").click();
        assertThat(page.locator("#node-labels")).hasCount(0);

        // Drain from the node's detail: the disruption budget keeps web-0, the DaemonSet pod is skipped.
        page.locator("#nodes-selector input").fill("kubernetes.io/hostname=lifsea-node-09");
        assertThat(page.locator("#nodes-grid")).not().containsText("lifsea-node-02");
        page.locator("#nodes-grid vaadin-grid-cell-content:text-is('lifsea-node-09') >> visible=true").click();
        page.locator("#drain-node").click();
        confirm(page);
        assertThat(page.locator("#drain-refused")).containsText("demo/web-0",
                new com.microsoft.playwright.assertions.LocatorAssertions.ContainsTextOptions().setTimeout(30_000));
        assertThat(page.locator("#drain-refused")).containsText("disruption budget");
        assertThat(page.locator("#drain-skipped")).containsText("DaemonSet");
        // The steps were pushed while it ran, in the same dialog.
        assertThat(page.locator("#drain-steps")).containsText("Not evicted: demo/web-0");
        page.locator("#drain-close").click();

        // The node's pods come from the cache; its labels are edited with a confirmation.
        page.locator("#nodes-grid vaadin-grid-cell-content:text-is('lifsea-node-09') >> visible=true").click();
        assertThat(page.locator("#node-pods")).containsText("demo/node-exporter-7xk2p");
        assertThat(page.locator("#node-pods")).containsText("DaemonSet/");
        page.locator("#edit-labels").click();
        var keys = page.locator(".label-key input >> visible=true");
        var values = page.locator(".label-value input >> visible=true");
        assertThat(keys.first()).isVisible();
        int rows = keys.count();
        page.locator("#add-label").click();
        // Wait for the new row before typing into it.
        assertThat(keys).hasCount(rows + 1);
        assertThat(keys.last()).hasValue("");
        keys.last().fill("sig.openanolis.cn/owner");
        values.last().fill("storage-sig");
        page.locator("#save-labels").click();
        confirm(page);
        assertThat(page.locator("vaadin-notification-card").last()).containsText("labels of lifsea-node-09 are saved");
        // The watch brings the change back into the cache; the detail shows it when opened again.
        page.waitForTimeout(1500);
        page.locator("#nodes-grid vaadin-grid-cell-content:text-is('lifsea-node-09') >> visible=true").click();
        assertThat(page.locator("#node-labels")).containsText("sig.openanolis.cn/owner=storage-sig");
        page.locator("#close-node-detail").click();

        // Bulk: two nodes ticked, cordoned in one go, a result per node.
        page.locator("#nodes-selector input").fill("kubernetes.io/hostname in (lifsea-node-03,lifsea-node-04)");
        assertThat(page.locator("#nodes-grid vaadin-grid-cell-content:text-is('lifsea-node-04') >> visible=true"))
                .isVisible();
        assertThat(page.locator("#nodes-grid vaadin-grid-cell-content:text-is('lifsea-node-09') >> visible=true"))
                .hasCount(0);
        var boxes = page.locator("#nodes-grid vaadin-grid-cell-content vaadin-checkbox >> visible=true");
        assertThat(boxes).hasCount(2);
        boxes.nth(0).click();
        boxes.nth(1).click();
        assertThat(page.locator("#bulk-count")).hasText("2 selected");
        page.locator("#bulk-cordon").click();
        confirm(page);
        assertThat(page.locator("#bulk-summary")).hasText("2 succeeded, 0 failed.");
        assertThat(page.locator("#bulk-results")).containsText("lifsea-node-03");
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/bulk.png")));
        page.locator("#bulk-close").click();
        assertThat(page.locator("#uncordon-lifsea-node-04 >> visible=true")).isVisible(
                new com.microsoft.playwright.assertions.LocatorAssertions.IsVisibleOptions().setTimeout(15_000));
    }

    private static int number(String text) {
        return Integer.parseInt(text.replaceAll("[^0-9]", ""));
    }

    @Test
    void aKubeconfigThatRunsACommandIsRefusedWithAReason() {
        signInAsAdmin(page);
        page.navigate("/fleet/clusters");
        page.locator("#register-cluster").click();
        page.locator("#cluster-kubeconfig textarea").fill("""
                apiVersion: v1
                kind: Config
                current-context: x
                clusters: [{name: c, cluster: {server: "https://10.9.9.9:6443"}}]
                users: [{name: u, user: {exec: {command: /bin/sh, args: ["-c", "id"]}}}]
                contexts: [{name: x, context: {cluster: c, user: u}}]
                """);
        page.locator("#cluster-name input").fill("evil");
        page.locator("#cluster-save").click();
        assertThat(page.locator("vaadin-notification-card").first()).containsText("never runs commands");
    }
}
