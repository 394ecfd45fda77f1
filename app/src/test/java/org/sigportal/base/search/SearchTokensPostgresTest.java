package org.sigportal.base.search;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sigportal.support.TestPostgres;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Search tokens on a real PostgreSQL: {@code to_tsvector('simple', search_tokens) @@ to_tsquery('simple', ?)},
 * the form a GIN index on {@code to_tsvector('simple', search_tokens)} serves, and {@code ts_rank} for ranking.
 */
class SearchTokensPostgresTest extends SearchTokensDatabaseContract {

    private static Connection connection;

    @BeforeAll
    static void connect() throws SQLException {
        connection = DriverManager.getConnection(TestPostgres.jdbcUrl(), "postgres", "postgres");
    }

    @AfterAll
    static void disconnect() throws SQLException {
        connection.close();
    }

    @Override
    boolean matches(String storedTokens, SearchQuery query) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(
                "SELECT to_tsvector('simple', ?) @@ to_tsquery('simple', ?)")) {
            s.setString(1, storedTokens);
            s.setString(2, query.toPostgresTsQuery());
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    @Test
    void tsRankWithATitleWeightOrdersLikeTheScore() throws SQLException {
        SearchQuery q = SearchTokens.query("机密容器 kata");
        List<String[]> posts = List.of(
                new String[] {"社区周会", "会上提到机密容器和 Kata"},
                new String[] {"机密容器与 Kata 指南", "介绍机密容器, kata"},
                new String[] {"周报", "机密容器 机密容器 机密容器 kata kata"});
        List<String> byScore = new ArrayList<>();
        List<String> byRank = new ArrayList<>();
        posts.stream().sorted(Comparator.comparingDouble((String[] p) -> -SearchTokens.score(
                SearchTokens.index(p[0]), SearchTokens.index(p[1]), q))).forEach(p -> byScore.add(p[0]));
        List<double[]> ranks = new ArrayList<>();
        for (int i = 0; i < posts.size(); i++) {
            try (PreparedStatement s = connection.prepareStatement("""
                    SELECT ts_rank(setweight(to_tsvector('simple', ?), 'A') || to_tsvector('simple', ?),
                                   to_tsquery('simple', ?))""")) {
                s.setString(1, SearchTokens.index(posts.get(i)[0]));
                s.setString(2, SearchTokens.index(posts.get(i)[1]));
                s.setString(3, q.toPostgresTsQuery());
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    ranks.add(new double[] {i, rs.getDouble(1)});
                }
            }
        }
        ranks.stream().sorted(Comparator.comparingDouble(r -> -r[1])).forEach(r -> byRank.add(posts.get((int) r[0])[0]));
        assertThat(byScore).containsExactly("机密容器与 Kata 指南", "周报", "社区周会");
        assertThat(byRank).isEqualTo(byScore);
    }
}
