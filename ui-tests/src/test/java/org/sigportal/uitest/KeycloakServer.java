package org.sigportal.uitest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A real Keycloak (the server distribution from Maven Central), started once per test run with the realm file
 * shipped in {@code deploy/keycloak}, adjusted only to the test portal's address. Users are created through the
 * admin REST API, as an operator would.
 */
final class KeycloakServer {

    private final Path home = Path.of(System.getProperty("keycloak.home", "target/keycloak/keycloak"));
    private final Path realm = Path.of(System.getProperty("keycloak.realm", "../deploy/keycloak/sig-realm.json"));
    private final int port = freePort();
    private final String adminPassword = randomSecret();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private Process process;
    private String clientSecret;

    String issuer() {
        return baseUrl() + "/realms/sig";
    }

    String baseUrl() {
        return "http://localhost:" + port;
    }

    String clientSecret() {
        return clientSecret;
    }

    /** Imports the realm for a portal at {@code portalBaseUrl}, starts Keycloak and waits until it serves it. */
    void start(String portalBaseUrl) {
        try {
            Files.deleteIfExists(home.resolve("data/import/sig-realm.json"));
            deleteTree(home.resolve("data/h2"));
            Files.createDirectories(home.resolve("data/import"));
            String json = Files.readString(realm).replace("http://localhost:8080", portalBaseUrl);
            Files.writeString(home.resolve("data/import/sig-realm.json"), json);
            Path log = home.resolve("keycloak-test.log");
            if (!Files.exists(home.resolve("lib/quarkus/build-system.properties"))
                    || !Files.exists(home.resolve(".built-for-tests"))) {
                run(log, "build", "--db=dev-file", "--health-enabled=true");
                Files.writeString(home.resolve(".built-for-tests"), "dev-file");
            }
            ProcessBuilder builder = command("start", "--optimized", "--http-enabled=true", "--hostname-strict=false",
                    "--http-host=127.0.0.1", "--http-port=" + port, "--import-realm")
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            process = builder.start();
            Runtime.getRuntime().addShutdownHook(new Thread(this::stop));
            waitFor(issuer() + "/.well-known/openid-configuration", Duration.ofSeconds(180), log);
            clientSecret = readClientSecret();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Creates an enabled realm user with a verified e-mail in the given group. */
    void createUser(String username, String password, String email, String group) {
        String body = """
                {"username":"%s","email":"%s","emailVerified":true,"firstName":"Li","lastName":"Lei","enabled":true,
                 "groups":["/%s"],"credentials":[{"type":"password","value":"%s","temporary":false}]}
                """.formatted(username, email, group, password);
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(baseUrl() + "/admin/realms/sig/users"))
                .header("Authorization", "Bearer " + adminToken())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
        if (r.statusCode() != 201) {
            throw new IllegalStateException("Keycloak refused the user: " + r.statusCode() + " " + r.body());
        }
    }

    private String readClientSecret() {
        String token = adminToken();
        HttpResponse<String> clients = send(HttpRequest.newBuilder(URI.create(baseUrl()
                        + "/admin/realms/sig/clients?clientId=sig-portal"))
                .header("Authorization", "Bearer " + token).build());
        Matcher id = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"").matcher(clients.body());
        if (!id.find()) {
            throw new IllegalStateException("The realm has no client sig-portal: " + clients.body());
        }
        HttpResponse<String> secret = send(HttpRequest.newBuilder(URI.create(baseUrl()
                        + "/admin/realms/sig/clients/" + id.group(1) + "/client-secret"))
                .header("Authorization", "Bearer " + token).build());
        Matcher value = Pattern.compile("\"value\"\\s*:\\s*\"([^\"]+)\"").matcher(secret.body());
        if (!value.find()) {
            throw new IllegalStateException("Keycloak generated no client secret: " + secret.body());
        }
        return value.group(1);
    }

    private String adminToken() {
        String form = "grant_type=password&client_id=admin-cli&username=admin&password="
                + URLEncoder.encode(adminPassword, StandardCharsets.UTF_8);
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(baseUrl()
                        + "/realms/master/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
        Matcher m = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"").matcher(r.body());
        if (!m.find()) {
            throw new IllegalStateException("No admin token from Keycloak: " + r.statusCode());
        }
        return m.group(1);
    }

    private ProcessBuilder command(String... args) {
        String[] cmd = new String[args.length + 1];
        cmd[0] = home.resolve("bin/kc.sh").toAbsolutePath().toString();
        System.arraycopy(args, 0, cmd, 1, args.length);
        ProcessBuilder builder = new ProcessBuilder(cmd).directory(home.toFile());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
        builder.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", adminPassword);
        builder.environment().put("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m");
        return builder;
    }

    private void run(Path log, String... args) throws IOException {
        Process p = command(args).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            if (!p.waitFor(5, TimeUnit.MINUTES) || p.exitValue() != 0) {
                throw new IllegalStateException("kc.sh " + String.join(" ", args) + " failed:\n"
                        + Files.readString(log));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void waitFor(String url, Duration timeout, Path log) throws IOException {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak exited:\n" + Files.readString(log));
            }
            try {
                if (http.send(HttpRequest.newBuilder(URI.create(url)).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not up yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        throw new IllegalStateException("Keycloak did not serve the realm in " + timeout + ":\n" + Files.readString(log));
    }

    void stop() {
        if (process == null || !process.isAlive()) {
            return;
        }
        // kc.sh hands over to a child java process: stop the whole tree.
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            process.waitFor(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    static String randomSecret() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return "Kc" + HexFormat.of().formatHex(bytes);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
