package org.sigportal.uitest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The packaged production portal, started once per test run as a newcomer would start it: {@code java -jar}
 * on a fresh embedded database, with no admin password configured, so the tests sign in with the random
 * password it prints to the log.
 */
final class PortalProcess {

    private static final Pattern PASSWORD = Pattern.compile("Initial admin password[^\\n]*\\n\\s*(\\S+)");
    private static PortalProcess instance;

    private final Path jar = Path.of(System.getProperty("portal.jar", "../app/target/sig-portal.jar"));
    private final Path workdir = Path.of(System.getProperty("portal.workdir", "target/portal-run"));
    private final int port;
    private Process process;
    private final StringBuffer log = new StringBuffer();
    private String adminPassword;
    private int starts;
    private final KeycloakServer keycloak = new KeycloakServer();

    private PortalProcess() {
        port = freePort();
    }

    static synchronized PortalProcess get() {
        if (instance == null) {
            instance = new PortalProcess();
            // The portal discovers its OpenID Connect provider at start-up: Keycloak comes first.
            instance.keycloak.start(instance.baseUrl());
            instance.resetData();
            instance.start();
            Runtime.getRuntime().addShutdownHook(new Thread(instance::stop));
        }
        return instance;
    }

    String baseUrl() {
        return "http://localhost:" + port;
    }

    KeycloakServer keycloak() {
        return keycloak;
    }

    String adminPassword() {
        return adminPassword;
    }

    String log() {
        return log.toString();
    }

    /** Stops the portal and starts it again on the same data folder. */
    synchronized void restart() {
        stop();
        start();
    }

    private void resetData() {
        Path data = workdir.resolve("data");
        if (Files.exists(data)) {
            try (Stream<Path> files = Files.walk(data)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private void start() {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("The packaged portal is missing: " + jar.toAbsolutePath()
                    + ". Build it first (./portal test does).");
        }
        try {
            Files.createDirectories(workdir);
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            ProcessBuilder builder = new ProcessBuilder(java, "-Xmx512m", "-jar", jar.toAbsolutePath().toString())
                    .directory(workdir.toFile())
                    .redirectErrorStream(true);
            builder.environment().put("PORT", String.valueOf(port));
            builder.environment().put("PORTAL_DATA_DIR", workdir.resolve("data").toAbsolutePath().toString());
            builder.environment().remove("PORTAL_ADMIN_PASSWORD");
            builder.environment().put("SPRING_PROFILES_ACTIVE", "keycloak");
            builder.environment().put("PORTAL_KEYCLOAK_ISSUER", keycloak.issuer());
            builder.environment().put("PORTAL_KEYCLOAK_CLIENT_SECRET", keycloak.clientSecret());
            process = builder.start();
            starts++;
            Writer file = Files.newBufferedWriter(workdir.resolve("portal-" + starts + ".log"), StandardCharsets.UTF_8);
            CompletableFuture.runAsync(() -> copyOutput(file));
            waitUntilReady();
            if (adminPassword == null) {
                Matcher m = PASSWORD.matcher(log);
                if (!m.find()) {
                    throw new IllegalStateException("The portal did not print an initial admin password:\n" + log);
                }
                adminPassword = m.group(1);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void copyOutput(Writer file) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8)); file) {
            String line;
            while ((line = in.readLine()) != null) {
                log.append(line).append('\n');
                file.write(line);
                file.write('\n');
                file.flush();
            }
        } catch (IOException e) {
            // the process ended
        }
    }

    private void waitUntilReady() {
        HttpClient client = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The portal exited during start-up:\n" + log);
            }
            try {
                HttpResponse<String> r = client.send(HttpRequest.newBuilder(
                        URI.create(baseUrl() + "/actuator/health/readiness")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200 && log.indexOf("Started PortalApplication") >= 0) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(250);
        }
        throw new IllegalStateException("The portal did not become ready in 120 s:\n" + log);
    }

    synchronized void stop() {
        if (process == null || !process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
