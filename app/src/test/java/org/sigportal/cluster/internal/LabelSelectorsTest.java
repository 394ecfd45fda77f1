package org.sigportal.cluster.internal;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LabelSelectorsTest {

    private static final Map<String, String> NODE = Map.of("zone", "a", "node-role.kubernetes.io/worker", "",
            "kubernetes.io/arch", "amd64");

    @Test
    void selectorsMatchLikeKubernetes() {
        assertThat(LabelSelectors.parse("zone=a").test(NODE)).isTrue();
        assertThat(LabelSelectors.parse("zone==b").test(NODE)).isFalse();
        assertThat(LabelSelectors.parse("zone!=b").test(NODE)).isTrue();
        assertThat(LabelSelectors.parse("zone in (b, a)").test(NODE)).isTrue();
        assertThat(LabelSelectors.parse("zone notin (a)").test(NODE)).isFalse();
        assertThat(LabelSelectors.parse("node-role.kubernetes.io/worker").test(NODE)).isTrue();
        assertThat(LabelSelectors.parse("!node-role.kubernetes.io/master").test(NODE)).isTrue();
        assertThat(LabelSelectors.parse("zone in (a,b),kubernetes.io/arch=amd64").test(NODE)).isTrue();
        assertThat(LabelSelectors.parse("zone in (a,b),kubernetes.io/arch=arm64").test(NODE)).isFalse();
    }

    @Test
    void aNodeWithoutTheKeyIsOutsideInAndInsideNotin() {
        assertThat(LabelSelectors.parse("pool in (gpu, batch)").test(NODE)).isFalse();
        assertThat(LabelSelectors.parse("pool notin (gpu)").test(NODE)).isTrue();
        assertThat(LabelSelectors.parse("pool=gpu").test(NODE)).isFalse();
        assertThat(LabelSelectors.parse("pool!=gpu").test(NODE)).isTrue();
    }

    @Test
    void nonsenseIsRefused() {
        assertThatThrownBy(() -> LabelSelectors.parse("zone ~ a")).isInstanceOf(IllegalArgumentException.class);
    }
}
