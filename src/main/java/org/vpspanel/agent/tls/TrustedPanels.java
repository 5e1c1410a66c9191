package org.vpspanel.agent.tls;

import org.vpspanel.agent.Json;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The panels an agent accepts over TCP, by their client certificate's fingerprint, kept in a file of the
 * agent's state. Asked on every request, so that removing a panel cuts it off at its next request.
 */
public final class TrustedPanels {

    /** One trusted panel: its fingerprint, the name in its certificate, when and from where it enrolled. */
    public record Panel(String fingerprint, String subject, String enrolledAt, String from) {
    }

    private final Path file;
    private final List<Panel> panels = new ArrayList<>();

    public TrustedPanels(Path file) {
        this.file = file;
        if (Files.exists(file)) {
            for (Object entry : (List<?>) Json.readFile(file).get("panels")) {
                panels.add(Json.convert(entry, Panel.class));
            }
        }
    }

    public synchronized boolean contains(String fingerprint) {
        return panels.stream().anyMatch(panel -> panel.fingerprint().equals(fingerprint));
    }

    public synchronized List<Panel> list() {
        return List.copyOf(panels);
    }

    /** Trusts a panel from now on (again, if it was trusted before: its entry is replaced). */
    public synchronized Panel add(String fingerprint, String subject, String from) {
        panels.removeIf(panel -> panel.fingerprint().equals(fingerprint));
        Panel panel = new Panel(fingerprint, subject, Instant.now().toString(), from);
        panels.add(panel);
        save();
        return panel;
    }

    /** Stops trusting a panel; whether it was trusted. */
    public synchronized boolean remove(String fingerprint) {
        boolean removed = panels.removeIf(panel -> panel.fingerprint().equals(fingerprint));
        if (removed) {
            save();
        }
        return removed;
    }

    private void save() {
        Json.writeFileAtomically(file, Map.of("panels", panels));
    }
}
