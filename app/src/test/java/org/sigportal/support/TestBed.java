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
            bed.writeTokens();
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

    /**
     * Besides the test bed's admin (first line, which its scripts use): {@code viewer}, in no group, so it may do
     * only what a test binds it to; and {@code revocable}, an admin whose token a test can take away.
     */
    private void writeTokens() {
        try {
            Path auth = Files.createDirectories(dir.resolve("auth"));
            java.security.SecureRandom random = new java.security.SecureRandom();
            StringBuilder lines = new StringBuilder();
            for (String[] user : new String[][]{{"admin", ",system:masters"}, {"viewer", ""},
                    {"revocable", ",system:masters"}}) {
                byte[] secret = new byte[16];
                random.nextBytes(secret);
                lines.append(java.util.HexFormat.of().formatHex(secret)).append(',').append(user[0])
                        .append(',').append(user[0]).append("-uid").append(user[1]).append('\n');
            }
            Files.writeString(auth.resolve("tokens.csv"), lines);
            Files.writeString(auth.resolve("tokens.all"), lines);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The bearer token of one of the test bed's users ({@code admin}, {@code viewer}, {@code revocable}). */
    public String token(String user) {
        try {
            return Files.readAllLines(dir.resolve("auth/tokens.all")).stream()
                    .filter(l -> l.split(",")[1].equals(user)).map(l -> l.split(",")[0]).findFirst().orElseThrow();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stops the API server only (etcd keeps the data): the cluster goes away. */
    public void stopApiServer() {
        run("stop-apiserver", dir.toString());
    }

    /**
     * Starts the API server again on its port, accepting every user's token except those of {@code revoked}.
     */
    public void startApiServer(String... revoked) {
        try {
            java.util.Set<String> gone = java.util.Set.of(revoked);
            String lines = Files.readAllLines(dir.resolve("auth/tokens.all")).stream()
                    .filter(l -> !gone.contains(l.split(",")[1])).map(l -> l + "\n")
                    .collect(java.util.stream.Collectors.joining());
            Files.writeString(dir.resolve("auth/tokens.csv"), lines);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        run("start-apiserver", dir.toString());
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
