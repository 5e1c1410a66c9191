package org.vpspanel.testing;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The context's real PostgreSQL, put back to how the first start left it: the admin (with the printed
 * password) and nothing else. Tests call {@link #resetToFirstStart()} instead of starting a new context.
 */
public class TestDatabase implements ApplicationListener<ApplicationReadyEvent> {

    /** Tables whose rows belong to the schema or the first start, not to a test. */
    private static final Set<String> KEPT = Set.of("flyway_schema_history", "app_user", "scheduled_tasks", "os_template", "panel_identity");

    private final JdbcTemplate jdbc;
    private Map<String, Object> firstStartAdmin;
    private long lastSeededTemplate;

    public TestDatabase(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        firstStartAdmin = jdbc.queryForMap("SELECT id, email, full_name, password_hash, enabled FROM app_user "
                + "WHERE role = 'ADMIN' ORDER BY id LIMIT 1");
        lastSeededTemplate = jdbc.queryForObject("SELECT coalesce(max(id), 0) FROM os_template", Long.class);
    }

    /** Deletes every row a test made and restores the admin and the seeded templates as the first start left them. */
    public void resetToFirstStart() {
        List<String> tables = jdbc.queryForList(
                "SELECT tablename FROM pg_tables WHERE schemaname = current_schema()", String.class).stream()
                .filter(table -> !KEPT.contains(table)).toList();
        if (!tables.isEmpty()) {
            jdbc.execute("TRUNCATE " + tables.stream().map(t -> "\"" + t + "\"").collect(Collectors.joining(", ")));
        }
        jdbc.update("DELETE FROM os_template WHERE id > ?", lastSeededTemplate);
        jdbc.update("DELETE FROM app_user WHERE id <> ?", firstStartAdmin.get("id"));
        jdbc.update("UPDATE app_user SET email = ?, full_name = ?, password_hash = ?, enabled = ? WHERE id = ?",
                firstStartAdmin.get("email"), firstStartAdmin.get("full_name"), firstStartAdmin.get("password_hash"),
                firstStartAdmin.get("enabled"), firstStartAdmin.get("id"));
    }

    public JdbcTemplate jdbc() {
        return jdbc;
    }
}
