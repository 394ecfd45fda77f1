package org.sigportal.base.search;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collections;
import java.util.List;

/** Search tokens on H2 (in PostgreSQL mode, as the portal runs it): {@code search_tokens LIKE ? ESCAPE '\'}, all patterns. */
class SearchTokensH2Test extends SearchTokensDatabaseContract {

    private static Connection connection;

    @BeforeAll
    static void connect() throws SQLException {
        connection = DriverManager.getConnection("jdbc:h2:mem:search-tokens;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE");
    }

    @AfterAll
    static void disconnect() throws SQLException {
        connection.close();
    }

    @Override
    boolean matches(String storedTokens, SearchQuery query) throws SQLException {
        List<String> patterns = query.likePatterns();
        if (patterns.isEmpty()) {
            return false; // callers do not search for an empty query
        }
        String sql = "SELECT " + String.join(" AND ", Collections.nCopies(patterns.size(), "? LIKE ? ESCAPE '\\'"));
        try (PreparedStatement s = connection.prepareStatement(sql)) {
            for (int i = 0; i < patterns.size(); i++) {
                s.setString(2 * i + 1, storedTokens);
                s.setString(2 * i + 2, patterns.get(i));
            }
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }
}
