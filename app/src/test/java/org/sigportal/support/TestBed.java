package org.sigportal.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The local Kubernetes test bed (deploy/testbed): a real kube-apiserver with etcd on loopback, started and seeded
 * once per test run, stopped when the run ends.
 */
public final class TestBed {

    private static TestBed instance;

    private final Path script = Path.of("..", "deploy", "testbed", "testbed.sh").toAbsolutePath().normalize();
    private final Path dir = Path.of("target", "testbed").toAbsolutePath();

    private TestBed() {
    }

    public static synchronized TestBed get() {
        if (instance == null) {
            TestBed bed = new TestBed();
            bed.run("stop", bed.dir.toString());
            bed.wipe();
            bed.run("start", bed.dir.toString());
            Runtime.getRuntime().addShutdownHook(new Thread(() -> bed.run("stop", bed.dir.toString())));
            bed.run("seed", bed.dir.toString());
            instance = bed;
        }
        return instance;
    }

    /** A fresh API server every run: etcd's data from an earlier run would carry its changes over. */
    private void wipe() {
        if (!Files.exists(dir)) {
            return;
        }
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String kubeconfig() {
        try {
            return Files.readString(dir.resolve("kubeconfig"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String env(String name) {
        try {
            return Files.readAllLines(dir.resolve("env")).stream().filter(l -> l.startsWith(name + "="))
                    .map(l -> l.substring(name.length() + 1)).findFirst().orElseThrow();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void run(String... args) {
        String[] cmd = new String[args.length + 2];
        cmd[0] = "bash";
        cmd[1] = script.toString();
        System.arraycopy(args, 0, cmd, 2, args.length);
        try {
            Path log = Files.createDirectories(dir.getParent()).resolve("testbed-" + args[0] + ".log");
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (!p.waitFor(3, TimeUnit.MINUTES) || p.exitValue() != 0) {
                throw new IllegalStateException("testbed.sh " + String.join(" ", args) + " failed (is the API "
                        + "server built? run: deploy/testbed/testbed.sh install && deploy/testbed/testbed.sh build):\n"
                        + Files.readString(log));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
