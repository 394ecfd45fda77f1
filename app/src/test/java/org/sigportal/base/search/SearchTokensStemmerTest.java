package org.sigportal.base.search;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The light English stemmer: forms of one word meet in one stem, and nothing else is merged. */
class SearchTokensStemmerTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "containers, container", "running, run", "images, imag", "policies, polici", "upgraded, upgrad",
            "pods, pod", "classes, class", "processes, process", "boxes, box", "statuses, status",
            "buses, bus", "ties, tie", "cookies, cooki", "deployments, deploy", "requirements, requir",
            "management, manag", "installing, install", "adding, add", "logging, log", "embedded, embed",
            "agreed, agree", "exceeded, exceed", "applying, appli", "studied, studi", "kubernetes, kubernet",
            "nodes, nod", "releasing, releas", "configured, configur",
    })
    void stems(String word, String stem) {
        assertThat(EnglishStemmer.stem(word)).isEqualTo(stem);
    }

    @ParameterizedTest(name = "{0} stays")
    @CsvSource({
            "string", "thing", "spring", "using", "used", "use", "status", "redis", "analysis", "vms", "dns",
            "has", "was", "class", "process", "speed", "need", "exceed", "agree", "deploy", "key", "comment",
            "segment", "element", "implement", "container", "containerd", "kata", "gvisor", "k8s", "v2", "café",
            "kernel", "the", "go", "embed", "add", "install",
    })
    void leavesWordsWithoutASuffixItKnowsAlone(String word) {
        assertThat(EnglishStemmer.stem(word)).isEqualTo(word);
    }

    @Test
    void hasNoLyRule() {
        assertThat(List.of("apply", "reply", "supply", "only")).extracting(EnglishStemmer::stem)
                .containsExactly("appli", "repli", "suppli", "onli");
    }

    @Test
    void formsOfOneWordShareOneStem() {
        for (List<String> family : List.of(
                List.of("upgrade", "upgrades", "upgraded", "upgrading"),
                List.of("image", "images", "imaging"),
                List.of("policy", "policies"),
                List.of("container", "containers"),
                List.of("deploy", "deploys", "deployed", "deploying", "deployment", "deployments"),
                List.of("apply", "applies", "applied", "applying"),
                List.of("run", "runs", "running"),
                List.of("install", "installs", "installed", "installing"),
                List.of("add", "adds", "added", "adding"),
                List.of("embed", "embeds", "embedded", "embedding"),
                List.of("process", "processes", "processed", "processing"),
                List.of("schedule", "schedules", "scheduled", "scheduling"),
                List.of("agree", "agrees", "agreed", "agreeing"),
                List.of("exceed", "exceeds", "exceeded", "exceeding"),
                List.of("commit", "commits", "committed", "committing"),
                List.of("containerize", "containerized", "containerizing"),
                List.of("require", "requires", "required", "requiring", "requirement", "requirements"))) {
            assertThat(family).extracting(EnglishStemmer::stem).as("%s", family).containsOnly(EnglishStemmer.stem(family.getFirst()));
        }
    }

    @Test
    void keepsDifferentWordsApart() {
        assertThat(EnglishStemmer.stem("containerd")).isNotEqualTo(EnglishStemmer.stem("container"));
        assertThat(EnglishStemmer.stem("containerized")).isNotEqualTo(EnglishStemmer.stem("container"));
        assertThat(EnglishStemmer.stem("apply")).isNotEqualTo(EnglishStemmer.stem("app"));
        assertThat(EnglishStemmer.stem("string")).isNotEqualTo(EnglishStemmer.stem("str"));
        assertThat(EnglishStemmer.stem("comment")).isNotEqualTo(EnglishStemmer.stem("com"));
    }

    @Test
    void touchesOnlyLowerCaseAsciiWords() {
        assertThat(EnglishStemmer.stem("Containers")).isEqualTo("Containers");
        assertThat(EnglishStemmer.stem("naïves")).isEqualTo("naïves");
        assertThat(EnglishStemmer.stem("v1s")).isEqualTo("v1s");
        assertThat(EnglishStemmer.stem("")).isEmpty();
        assertThat(EnglishStemmer.stem("yyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyy")).isNotEmpty();
    }

    @Test
    void measuresLikePorter() {
        assertThat(EnglishStemmer.measure("tree", 4)).isZero();
        assertThat(EnglishStemmer.measure("trouble", 7)).isEqualTo(1);
        assertThat(EnglishStemmer.measure("oaten", 5)).isEqualTo(2);
        assertThat(EnglishStemmer.measure("deploy", 6)).isEqualTo(2);
    }
}
