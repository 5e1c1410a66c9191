package org.vpspanel.node;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.vpspanel.agent.TlsIdentity;

/**
 * The panel's client key and certificate, which it presents to remote agents. Made on first use and kept in
 * the database rather than the data directory, so that every panel instance on the database presents the same
 * certificate and an agent enrolls the panel once, not each instance. (A database backup therefore holds the
 * key: keep backups as safe as the database itself.)
 */
@Component
class PanelIdentity {

    private final JdbcTemplate jdbc;
    private volatile TlsIdentity identity;

    PanelIdentity(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    TlsIdentity tls() {
        TlsIdentity known = identity;
        if (known == null) {
            known = loadOrCreate();
            identity = known;
        }
        return known;
    }

    String fingerprint() {
        return tls().fingerprint();
    }

    private TlsIdentity loadOrCreate() {
        if (load() == null) {
            TlsIdentity made = TlsIdentity.generate("VPS Panel");
            // two instances making one at once: the first row wins and both use it
            jdbc.update("INSERT INTO panel_identity (id, private_key, certificate) VALUES (1, ?, ?) ON CONFLICT (id) DO NOTHING",
                    made.keyPem(), made.certificatePem());
        }
        return load();
    }

    private TlsIdentity load() {
        return jdbc.query("SELECT private_key, certificate FROM panel_identity WHERE id = 1",
                (row, n) -> TlsIdentity.fromPem(row.getString("private_key"), row.getString("certificate")))
                .stream().findFirst().orElse(null);
    }
}
