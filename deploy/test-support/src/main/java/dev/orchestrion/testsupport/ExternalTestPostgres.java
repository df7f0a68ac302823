package dev.orchestrion.testsupport;

import java.net.URI;

/**
 * A PostgreSQL server that already runs elsewhere: {@code POSTGRES_URL} (a JDBC URL such as
 * {@code jdbc:postgresql://db:5432/postgres}), with {@code POSTGRES_USER} and {@code POSTGRES_PASSWORD}.
 */
record ExternalTestPostgres(String host, int port, String user, String password) implements TestPostgres {

    static ExternalTestPostgres fromJdbcUrl(String jdbcUrl, String user, String password) {
        URI uri = URI.create(jdbcUrl.replaceFirst("^jdbc:", ""));
        return new ExternalTestPostgres(uri.getHost(), uri.getPort() > 0 ? uri.getPort() : 5432, user, password);
    }
}
