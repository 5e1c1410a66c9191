package org.vpspanel.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Without an external database configured (spring.datasource.url), the panel runs its own PostgreSQL
 * server with its data under the data directory, so a restart keeps everything.
 * <p>
 * A data directory can be served by one PostgreSQL server only. Commands such as create-token
 * (vpspanel.database.attach-to-running) therefore connect to the server of a panel that is running on the
 * same data directory, found through PostgreSQL's own postmaster.pid, and start one only when none runs.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "spring.datasource.url", matchIfMissing = true, havingValue = "__embedded__")
class EmbeddedDatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfiguration.class);
    private static final String USER = "postgres";

    /** The embedded server's address, and what to close when the application stops (nothing when attached). */
    record EmbeddedServer(String jdbcUrl, AutoCloseable owned) implements AutoCloseable {

        @Override
        public void close() throws Exception {
            owned.close();
        }
    }

    @Bean(destroyMethod = "close")
    EmbeddedServer embeddedServer(@Value("${vpspanel.data-dir}") Path dataDir,
                                  @Value("${vpspanel.database.embedded-port:0}") int port,
                                  @Value("${vpspanel.database.attach-to-running:false}") boolean attachToRunning) {
        Path pgData = dataDir.resolve("postgres").toAbsolutePath();
        if (attachToRunning) {
            Optional<Integer> runningPort = runningServerPort(pgData);
            if (runningPort.isPresent()) {
                log.info("Using the running embedded PostgreSQL on port {} with data in {}", runningPort.get(), pgData);
                return new EmbeddedServer("jdbc:postgresql://localhost:" + runningPort.get() + "/postgres", () -> {
                });
            }
        }
        try {
            Files.createDirectories(pgData);
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(pgData)
                    .setCleanDataDirectory(false)
                    .setOverrideWorkingDirectory(dataDir.resolve("postgres-bin").toAbsolutePath().toFile());
            if (port > 0) {
                builder.setPort(port);
            }
            EmbeddedPostgres postgres = builder.start();
            log.info("Embedded PostgreSQL running on port {} with data in {}", postgres.getPort(), pgData);
            return new EmbeddedServer("jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres", postgres);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the embedded PostgreSQL in " + pgData, e);
        }
    }

    @Bean
    DataSource dataSource(EmbeddedServer server) {
        return DataSourceBuilder.create().url(server.jdbcUrl()).username(USER).build();
    }

    /**
     * The port of a live server on the data directory, from postmaster.pid: line 1 is its process id, line 4
     * its port. A file left by a crashed server names a dead process and is ignored.
     */
    static Optional<Integer> runningServerPort(Path pgData) {
        Path pidFile = pgData.resolve("postmaster.pid");
        try {
            List<String> lines = Files.exists(pidFile) ? Files.readAllLines(pidFile) : List.of();
            if (lines.size() < 4 || ProcessHandle.of(Long.parseLong(lines.get(0).trim()))
                    .filter(ProcessHandle::isAlive).isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(Integer.parseInt(lines.get(3).trim()));
        } catch (IOException | NumberFormatException e) {
            log.warn("Cannot read {}: {}", pidFile, e.toString());
            return Optional.empty();
        }
    }
}
