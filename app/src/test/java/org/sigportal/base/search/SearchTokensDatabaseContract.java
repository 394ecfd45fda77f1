package org.sigportal.base.search;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.sql.SQLException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The stored tokens and query forms work on each database as they do in memory: PostgreSQL with
 * {@code to_tsvector('simple', ...) @@ to_tsquery('simple', ...)}, H2 with {@code LIKE ... ESCAPE '\'}.
 */
abstract class SearchTokensDatabaseContract {

    /** Whether the database finds the query in the stored tokens, the way the portal asks it. */
    abstract boolean matches(String storedTokens, SearchQuery query) throws SQLException;

    @ParameterizedTest(name = "{1} in {0}: {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            云原生存储方案                                      | 存储                    | true
            机密容器                                           | 机密                    | true
            存在储备                                           | 存储                    | false
            存在储备                                           | 储                      | true
            云原生存储方案                                      | 存储方案                 | true
            存储的方案                                          | 存储方案                 | false
            Containers are running                             | container              | true
            upgrading the kernel                               | Upgrade                | true
            containerd 2.0                                     | container              | false
            kata-containers 3.2                                | Kata                   | true
            Kata Containers                                    | kata-containers        | true
            LifseaOS 节点升级 after the kernel upgrade           | 节点升级 upgraded        | true
            LifseaOS 节点升级 after the kernel upgrade           | 内核 upgrade            | false
            kernel 5.10.134-16.al8                             | 5.10                   | true
            kernel 5.10.134-16.al8                             | 5.10.134               | true
            kernel 5.10.134                                    | 5.10.13                | false
            upgrade to v1.20.4                                 | v1.20                  | true
            import k8s.io/api/core/v1                          | k8s.io                 | true
            cgroup_v2 only                                     | cgroup_v2              | true
            Node.js 22                                         | node.js                | true
            ＫＡＴＡ　１．２０                                   | kata 1.20              | true
            `it's o'brien\\ 100% _done_`                       | `o'brien`              | true
            `it's o'brien\\ 100% _done_`                       | `100% done`            | true
            `a & b | !c`                                       | `kata & gvisor | !runc:* ' \\ ) (`  | false
            `anything`                                         | `&|!`                  | false
            """)
    void findsWhatMemoryFinds(String text, String query, boolean expected) throws SQLException {
        SearchQuery q = SearchTokens.query(query);
        String stored = SearchTokens.index(text);
        assertThat(q.matches(stored)).as("in memory").isEqualTo(expected);
        assertThat(matches(stored, q)).as("in the database").isEqualTo(expected);
    }

    @Test
    void everyStoredTokenFindsItsText() throws SQLException {
        for (String text : List.of(
                "LifseaOS 节点升级 after the kernel upgrade to 5.10.134-16.al8 (containerd://1.7.2, cgroup_v2)",
                "Kata Containers 机密容器 k8s.io/api v1.20.4 e.g. node.js 10.0.0.1 naïve İstanbul ΟΔΟΣ ｶﾞｲﾄﾞ 컨테이너",
                "it's a user's don't --max-pods=110 __init__ a.b.c.d.e.f.g.h x_y-z.w")) {
            String stored = SearchTokens.index(text);
            Set<String> tokens = new LinkedHashSet<>(List.of(stored.strip().split(" ")));
            for (String token : tokens) {
                SearchQuery q = new SearchQuery(List.of(new SearchQuery.Term(token, List.of(token))));
                assertThat(matches(stored, q)).as("%s in %s", token, text).isTrue();
            }
        }
    }

    @Test
    void allTokensOfAQueryAreNeeded() throws SQLException {
        String stored = SearchTokens.index("Kata Containers on 龙蜥 Anolis OS");
        assertThat(matches(stored, SearchTokens.query("kata 龙蜥"))).isTrue();
        assertThat(matches(stored, SearchTokens.query("kata gvisor"))).isFalse();
        assertThat(matches(stored, SearchTokens.query("龙蜥 统信"))).isFalse();
        assertThat(matches(stored, SearchQuery.empty())).isFalse();
    }
}
