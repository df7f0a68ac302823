package dev.orchestrion.cases.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import dev.orchestrion.testsupport.TestInfrastructure;
import dev.orchestrion.testsupport.TestPostgres;

/** Direct access to case-service's database, for what a test must arrange or check below the API. */
public final class CasesDatabase {

    private CasesDatabase() {
    }

    /** The first column of the first row of a query answering a number. */
    public static long number(String sql, Object... parameters) {
        try (Connection connection = connect();
                PreparedStatement statement = prepare(connection, sql, parameters);
                ResultSet rows = statement.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs an update; answers how many rows it changed. */
    public static int update(String sql, Object... parameters) {
        try (Connection connection = connect(); PreparedStatement statement = prepare(connection, sql, parameters)) {
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static PreparedStatement prepare(Connection connection, String sql, Object... parameters)
            throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < parameters.length; i++) {
            statement.setObject(i + 1, parameters[i]);
        }
        return statement;
    }

    private static Connection connect() throws SQLException {
        TestPostgres postgres = TestInfrastructure.postgres();
        return DriverManager.getConnection(postgres.jdbcUrl("cases"), postgres.user(), postgres.password());
    }
}
