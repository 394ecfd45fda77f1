package org.sigportal.cluster.internal;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.sigportal.base.PortalException;
import org.sigportal.base.i18n.PortalI18NProvider;
import org.sigportal.base.i18n.SupportedLocales;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Kubeconfigs that would run commands or read files on the portal's server are refused, and say why. */
class KubeconfigParserTest {

    private static String kubeconfig(String clusterExtra, String userBlock) {
        return """
                apiVersion: v1
                kind: Config
                current-context: prod
                clusters:
                - name: c
                  cluster:
                    server: https://10.1.2.3:6443
                %s
                users:
                - name: u
                  user:
                %s
                contexts:
                - name: dev
                  context: {cluster: c, user: u}
                - name: prod
                  context: {cluster: c, user: u}
                """.formatted(clusterExtra, userBlock);
    }

    @Test
    void inlineCredentialsAreAccepted() {
        String yaml = kubeconfig(indent("certificate-authority-data: Q0E="), indent("token: abc.def"));
        assertThat(KubeconfigParser.contexts(yaml)).containsExactly("dev", "prod");
        assertThat(KubeconfigParser.currentContext(yaml)).isEqualTo("prod");
        ClusterCredentials c = KubeconfigParser.credentials(yaml, "prod");
        assertThat(c.server()).isEqualTo("https://10.1.2.3:6443");
        assertThat(c.token()).isEqualTo("abc.def");
        assertThat(c.caData()).isEqualTo("Q0E=");
        assertThat(c.toString()).doesNotContain("abc.def");
    }

    static Stream<Arguments> refused() {
        return Stream.of(
                Arguments.of("", "exec: {command: /bin/sh, args: [-c, id]}", "clusters.error.kubeconfig-exec"),
                Arguments.of("", "auth-provider: {name: gcp}", "clusters.error.kubeconfig-auth-provider"),
                Arguments.of("", "tokenFile: /etc/shadow", "clusters.error.kubeconfig-token-file"),
                Arguments.of("", "client-certificate: /home/me/cert.pem\nclient-key: /home/me/key.pem",
                        "clusters.error.kubeconfig-file-reference"),
                Arguments.of("certificate-authority: /etc/ssl/ca.pem", "token: t",
                        "clusters.error.kubeconfig-file-reference"),
                Arguments.of("", "username: admin\npassword: secret", "clusters.error.kubeconfig-basic-auth"),
                Arguments.of("", "as: nobody", "clusters.error.kubeconfig-no-credentials"));
    }

    private static String indent(String lines) {
        return lines.isEmpty() ? "" : "    " + lines.replace("\n", "\n    ");
    }

    @ParameterizedTest
    @MethodSource("refused")
    void dangerousOrIncompleteKubeconfigsAreRefused(String clusterExtra, String user, String key) {
        String yaml = kubeconfig(indent(clusterExtra), indent(user));
        assertThatThrownBy(() -> KubeconfigParser.credentials(yaml, "prod"))
                .isInstanceOfSatisfying(PortalException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo(key);
                    assertThat(PortalI18NProvider.translate(key, SupportedLocales.ENGLISH)).doesNotStartWith("!");
                    assertThat(PortalI18NProvider.translate(key, SupportedLocales.CHINESE)).doesNotStartWith("!");
                });
    }

    @Test
    void garbageAndHostileYamlAreRefusedPolitely() {
        assertThatThrownBy(() -> KubeconfigParser.contexts("::: not yaml [")).isInstanceOf(PortalException.class);
        assertThatThrownBy(() -> KubeconfigParser.contexts("!!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[!!java.net.URL [\"http://127.0.0.1/\"]]]]"))
                .isInstanceOf(PortalException.class);
        assertThatThrownBy(() -> KubeconfigParser.contexts("")).isInstanceOf(PortalException.class);
        assertThatThrownBy(() -> KubeconfigParser.credentials(kubeconfig("", indent("token: t")), "missing"))
                .isInstanceOfSatisfying(PortalException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("clusters.error.kubeconfig-context-missing"));
    }

    @Test
    void plainHttpServersAreRefused() {
        String yaml = kubeconfig("", indent("token: t")).replace("https://10.1.2.3:6443", "http://10.1.2.3:8080");
        assertThatThrownBy(() -> KubeconfigParser.credentials(yaml, "prod"))
                .isInstanceOfSatisfying(PortalException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("clusters.error.server-url"));
    }
}
