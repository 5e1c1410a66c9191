package org.vpspanel.partition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.groups.Tuple.tuple;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.vpspanel.account.AccountSummary;
import org.vpspanel.common.FieldViolation;
import org.vpspanel.common.InvalidInputException;
import org.vpspanel.node.NodeSummary;
import org.vpspanel.plan.PlanSummary;
import org.vpspanel.testing.PanelTest;

/** The admin's top consumers, from samples recorded the way the usage sampler records them. */
class UsageDashboardTest extends PanelTest {

    private static final long SECOND = 1_000_000_000L;
    private static final long MIB = 1L << 20;

    @Autowired
    UsageDashboard dashboard;
    @Autowired
    UsageSamples samples;
    @Autowired
    PartitionService partitions;
    @Autowired
    Clock clock;

    private NodeSummary north;
    private NodeSummary south;
    private PartitionSummary web;
    private PartitionSummary db;
    private PartitionSummary mail;
    private Instant now;

    @BeforeEach
    void threePartitionsOnTwoNodes() {
        AccountSummary carol = as(ADMIN, () -> accounts.createCustomer(newAccount("carol"), null, null));
        north = nodeWithoutAgent("north", 1);
        south = nodeWithoutAgent("south", 2);
        PlanSummary plan = tinyPlan(ADMIN, "tiny");
        long busybox = busyboxTemplateId();
        web = as(ADMIN, () -> partitions.create(new NewPartition(carol.id(), plan.id(), busybox, "web", north.id())));
        db = as(ADMIN, () -> partitions.create(new NewPartition(carol.id(), plan.id(), busybox, "db", north.id())));
        mail = as(ADMIN, () -> partitions.create(new NewPartition(carol.id(), plan.id(), busybox, "mail", south.id())));
        // their nodes have no agent, so no job runs them: they run as far as the panel knows
        database.jdbc().update("UPDATE partition SET state = 'RUNNING' WHERE id IN (?, ?)", web.id(), db.id());
        database.jdbc().update("UPDATE partition SET state = 'STOPPED' WHERE id = ?", mail.id());
        now = clock.instant();
    }

    private void sample(PartitionSummary partition, Duration ago, long cpuNanos, long memory, long netIn, long netOut) {
        samples.record(partition.id(), now.minus(ago), Map.of("cpuNanos", cpuNanos, "memoryBytes", memory,
                "netBytesIn", netIn, "netBytesOut", netOut));
    }

    @Test
    void partitionsAreRankedByCpuOverTheLastHourMemoryNowAndTrafficOver30Days() {
        // web: 120 s of CPU between its first and latest sample of the hour (one before the hour does not count), 100M now
        sample(web, Duration.ofMinutes(70), 0, 10 * MIB, 0, 0);
        sample(web, Duration.ofMinutes(50), 500 * SECOND, 10 * MIB, 1_000, 500);
        sample(web, Duration.ofMinutes(30), 560 * SECOND, 80 * MIB, 3_000, 1_500);
        sample(web, Duration.ofMinutes(10), 620 * SECOND, 100 * MIB, 4_000, 2_000);
        // db: restarted within the hour, so only the 50 s since the restart count; 40M now
        sample(db, Duration.ofMinutes(40), 300 * SECOND, 20 * MIB, 0, 0);
        sample(db, Duration.ofMinutes(30), 400 * SECOND, 30 * MIB, 100, 100);
        sample(db, Duration.ofMinutes(20), 50 * SECOND, 40 * MIB, 50, 50);
        // mail: stopped now, so no memory; its traffic 40 days ago is outside the window, then counted anew
        sample(mail, Duration.ofDays(40), 0, 0, 1_000_000, 0);
        sample(mail, Duration.ofDays(10), 3_600 * SECOND, 50 * MIB, 5_000, 0);
        sample(mail, Duration.ofDays(10).minusSeconds(10), 3_610 * SECOND, 50 * MIB, 7_000, 1_000);
        sample(mail, Duration.ofDays(10).minusSeconds(10), 9_999 * SECOND, 50 * MIB, 9_999, 9_999); // a repeat: ignored

        TopConsumers top = as(ADMIN, () -> dashboard.topConsumers(10));

        assertThat(top.byCpu()).extracting(ConsumerFigures::hostname).containsExactly("web", "db");
        assertThat(top.byCpu().get(0).cpuPercent()).isCloseTo(120.0 / 3600 * 100, within(0.001));
        assertThat(top.byCpu().get(1).cpuPercent()).isCloseTo(50.0 / 3600 * 100, within(0.001));
        assertThat(top.byMemory()).extracting(ConsumerFigures::hostname, ConsumerFigures::memoryBytes)
                .containsExactly(tuple("web", 100 * MIB),
                        tuple("db", 40 * MIB));
        assertThat(top.byTraffic()).extracting(ConsumerFigures::hostname, ConsumerFigures::trafficBytes)
                .containsExactly(tuple("mail", 8_000L),
                        tuple("web", 6_000L),
                        tuple("db", 300L));
        assertThat(top.byTraffic().getFirst().nodeName()).isEqualTo("south");

        assertThat(top.nodes()).extracting(NodeUsageTotals::nodeName).containsExactly("north", "south");
        NodeUsageTotals onNorth = top.nodes().getFirst();
        assertThat(onNorth.running()).isEqualTo(2);
        assertThat(onNorth.cpuPercent()).isCloseTo(170.0 / 3600 * 100, within(0.001));
        assertThat(onNorth.memoryBytes()).isEqualTo(140 * MIB);
        assertThat(onNorth.trafficBytes()).isEqualTo(6_300);
        assertThat(top.nodes().get(1)).isEqualTo(new NodeUsageTotals(south.id(), "south", 0, 0, 0, 8_000));
    }

    @Test
    void theMigrationSumsTheKeptSamplesIntoDaysAsTheSamplerDoes() throws IOException {
        sample(web, Duration.ofDays(2), 0, 0, 500, 100);
        sample(web, Duration.ofDays(2).minusSeconds(10), 0, 0, 800, 300);
        sample(web, Duration.ofDays(1), 0, 0, 200, 50); // restarted: counted from zero again
        sample(db, Duration.ofMinutes(5), 0, 0, 7, 9);
        String days = "SELECT partition_id, day, net_in_bytes, net_out_bytes FROM usage_day ORDER BY 1, 2";
        var bySampler = database.jdbc().queryForList(days);

        String migration = Files.readString(Path.of("db", "V10__dashboard.sql"));
        database.jdbc().update("DELETE FROM usage_day");
        database.jdbc().update(migration.substring(migration.indexOf("INSERT INTO usage_day")));

        assertThat(database.jdbc().queryForList(days)).isNotEmpty().isEqualTo(bySampler);
    }

    @Test
    void theListIsCutAtTheLimitAndADestroyedPartitionIsLeftOut() {
        sample(web, Duration.ofMinutes(20), 0, 10 * MIB, 0, 0);
        sample(db, Duration.ofMinutes(20), 0, 20 * MIB, 0, 0);
        sample(mail, Duration.ofMinutes(20), 0, 30 * MIB, 0, 10);

        assertThat(as(ADMIN, () -> dashboard.topConsumers(1)).byMemory()).extracting(ConsumerFigures::hostname)
                .containsExactly("db");
        as(ADMIN, () -> partitions.destroy(mail.id()));
        assertThat(as(ADMIN, () -> dashboard.topConsumers(10)).byTraffic()).isEmpty();
    }

    @Test
    void onlyAdminsAskAndTheLimitIsChecked() {
        assertThatThrownBy(() -> as(ADMIN, () -> dashboard.topConsumers(0)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
                        .extracting(FieldViolation::field).containsExactly("limit"));
        assertThatThrownBy(() -> as("carol", () -> dashboard.topConsumers(10)))
                .isInstanceOf(AccessDeniedException.class);
    }
}
