package org.vpspanel.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.vpspanel.testing.PanelTest;

/** The context's database started empty: Flyway applied every migration in db/ and Hibernate validated them. */
class FlywayMigrationTest extends PanelTest {

    @Autowired
    Flyway flyway;

    @Test
    void everyMigrationInTheDbFolderIsAppliedAndNothingIsPending() throws IOException {
        String[] filesInDb;
        try (Stream<Path> files = Files.list(Path.of("db"))) {
            filesInDb = files.map(f -> f.getFileName().toString()).filter(n -> n.matches("V\\d+__.+\\.sql"))
                    .sorted().toArray(String[]::new);
        }
        MigrationInfo[] applied = flyway.info().applied();

        assertThat(filesInDb).isNotEmpty();
        assertThat(Arrays.stream(applied).map(MigrationInfo::getScript)).containsExactlyInAnyOrder(filesInDb);
        assertThat(applied).allSatisfy(m -> assertThat(m.getState()).isEqualTo(MigrationState.SUCCESS));
        assertThat(flyway.info().pending()).isEmpty();
        assertThat(flyway.validateWithResult().validationSuccessful).isTrue();
    }

    @Test
    void theSchemaWasCreatedByTheseMigrationsFromAnEmptyDatabase() {
        // The first applied migration ran on a database with no schema history: installed rank 1 is V1.
        Integer firstRank = database.jdbc().queryForObject(
                "SELECT min(installed_rank) FROM flyway_schema_history WHERE version = '1'", Integer.class);
        Integer baselines = database.jdbc().queryForObject(
                "SELECT count(*) FROM flyway_schema_history WHERE type = 'BASELINE'", Integer.class);

        assertThat(firstRank).isEqualTo(1);
        assertThat(baselines).isZero();
    }

    @Test
    void theDatabaseIsARealPostgresqlServer() {
        String version = database.jdbc().queryForObject("SELECT version()", String.class);

        assertThat(version).startsWith("PostgreSQL 17");
    }
}
