package org.sigportal.uitest;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * An operator registers a real cluster (the Kubernetes test bed) by uploading its kubeconfig file, sees the fleet
 * overview and the node grid fill from it, sets the cluster's target OS image, and cordons a node from the grid.
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
        Path kubeconfigFile = testbed().resolve("kubeconfig");
        signInAsAdmin(page);
        // An operator's home page starts with the fleet at a glance and the way to the overview.
        assertThat(page.locator("#home-fleet")).isVisible();
        assertThat(page.locator("#home-fleet-drifting")).isVisible();
        assertThat(page.locator("#home-fleet-link")).hasAttribute("href", "fleet");

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
        // The kubeconfig file is uploaded: its text fills the field and its contexts are offered, as for a paste.
        assertThat(page.locator("#cluster-context[disabled]")).hasCount(1);
        page.locator("#cluster-kubeconfig-upload input[type=file]").setInputFiles(kubeconfigFile);
        assertThat(page.locator("#cluster-context[disabled]")).hasCount(0);
        assertThat(page.locator("#cluster-kubeconfig textarea")).hasValue(Files.readString(kubeconfigFile));
        assertThat(page.locator("#cluster-context")).containsText("sig-portal-testbed");
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
        // The same counts as tables: name and version apart, with a column per cluster.
        assertThat(page.locator("#fleet-os-table")).containsText("2.0 (Rust)");
        assertThat(page.locator("#fleet-os-table")).containsText("lifsea-prod");
        assertThat(page.locator("#fleet-kernel-table")).containsText("5.10.134");
        assertThat(page.locator("#fleet-runtime-table")).containsText("containerd://");

        // A target OS image for the new cluster alone: its other nodes are listed as drifting.
        Page other = newPage("en-US");
        signInAsAdmin(other);
        other.navigate("/fleet");
        assertThat(other.locator("#target-lifsea-prod input >> visible=true")).isEditable();
        var target = page.locator("#target-lifsea-prod input >> visible=true");
        target.fill("LifseaOS 2.0 (Rust)");
        target.press("Enter");
        assertThat(page.locator("vaadin-notification-card").last())
                .containsText("The target OS image of lifsea-prod is now LifseaOS 2.0 (Rust).");
        choose(page, "fleet-drift-cluster", "lifsea-prod");
        assertThat(page.locator("#fleet-drift")).containsText("lifsea-node-01");
        assertThat(page.locator("#fleet-drift")).containsText("Anolis OS 8.8");
        assertThat(page.locator("#fleet-drift")).not().containsText("lifsea-node-03");
        assertThat(page.locator("#fleet-drift")).not().containsText("demo-hangzhou-prod");
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/fleet-overview.png"))
                .setFullPage(true));
        // Another operator still looking at the old version is told why the change is refused, not "access denied".
        var stale = other.locator("#target-lifsea-prod input >> visible=true");
        stale.fill("Anolis OS 8.8");
        stale.press("Enter");
        assertThat(other.locator("vaadin-notification-card").last()).containsText("Someone else changed this record");
        other.close();

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
        // The budget never lets web-0 go here (no controller updates it): a short time-out ends the retries.
        page.locator("#drain-timeout input").fill("6");
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

        // The grid's own columns: pods on the node against its capacity, abnormal conditions, labels, age.
        page.locator("#nodes-selector input").fill("kubernetes.io/hostname in (lifsea-node-08,lifsea-node-09)");
        assertThat(page.locator("#nodes-grid vaadin-grid-cell-content:text-is('lifsea-node-08') >> visible=true"))
                .isVisible();
        var cells = page.locator("#nodes-grid vaadin-grid-cell-content >> visible=true");
        // lifsea-node-09 keeps web-0 and its DaemonSet pod; each node may run 110.
        assertThat(cells.filter(new com.microsoft.playwright.Locator.FilterOptions()
                .setHasText(java.util.regex.Pattern.compile("^\\d+ / 110$")))).hasCount(2);
        assertThat(cells.filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText("DiskPressure")))
                .hasCount(1);
        assertThat(page.locator("#nodes-grid")).containsText("zone=cn-hangzhou-b");
        assertThat(page.locator("#nodes-grid")).containsText("owner=storage-sig");
        assertThat(cells.filter(new com.microsoft.playwright.Locator.FilterOptions()
                .setHasText(java.util.regex.Pattern.compile("^\\d+[mhd]$")))).hasCount(2);
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/nodes-columns.png")));
        // Filtered by OS image: only the test bed's Anolis nodes among the lifsea ones.
        page.locator("#nodes-selector input").fill("");
        page.locator("#nodes-search input").fill("lifsea-node");
        choose(page, "nodes-os-image", "Anolis OS 8.8");
        assertThat(page.locator("#nodes-grid vaadin-grid-cell-content:text-is('lifsea-node-11') >> visible=true"))
                .isVisible();
        assertThat(page.locator("#nodes-grid vaadin-grid-cell-content:text-is('lifsea-node-01') >> visible=true"))
                .hasCount(0);
        assertThat(cells.filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText("LifseaOS")))
                .hasCount(0);

        // Back home, the operator's fleet summary counts the new cluster and leads to the overview.
        page.navigate("/");
        assertThat(page.locator("#home-fleet-nodes")).containsText(String.valueOf(nodesBefore + 12));
        assertThat(page.locator("#home-fleet-summary")).containsText("drift from their target OS image");
        page.locator("#home-fleet-link").click();
        page.waitForURL("**/fleet");
        assertThat(page.locator("#fleet-os-table")).isVisible();
    }

    @Test
    void aMemberWithoutTheOperatorRoleSeesNoFleetSummaryAtHome() {
        String name = "viewer" + System.nanoTime() % 100_000;
        AdministrationIT.signUp(page, name, "viewer-password-1");
        signIn(page, name, "viewer-password-1");
        assertThat(page.locator("#home-title")).containsText(name);
        assertThat(page.locator("#attention-empty, #attention-list")).isVisible();
        assertThat(page.locator("#home-fleet")).hasCount(0);
    }

    /** Picks an item of a combo box once the server has sent it (Enter before that would not select it). */
    private static void choose(Page page, String comboBoxId, String item) {
        page.locator("#" + comboBoxId + " input").fill(item);
        page.locator("vaadin-combo-box-item:text-is('" + item + "') >> visible=true").click();
        assertThat(page.locator("#" + comboBoxId + " input")).hasValue(item);
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

    @Test
    void anUploadedFileTooLargeForAKubeconfigIsRefusedWithAReason() {
        signInAsAdmin(page);
        page.navigate("/fleet/clusters");
        page.locator("#register-cluster").click();
        byte[] large = "# padding\n".repeat(30_000).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        page.locator("#cluster-kubeconfig-upload input[type=file]").setInputFiles(
                new com.microsoft.playwright.options.FilePayload("config", "application/yaml", large));
        assertThat(page.locator("#cluster-kubeconfig")).containsText("too large for a kubeconfig (over 256 KiB)");
        assertThat(page.locator("#cluster-kubeconfig textarea")).hasValue("");
        assertThat(page.locator("#cluster-context[disabled]")).hasCount(1);
    }
}
