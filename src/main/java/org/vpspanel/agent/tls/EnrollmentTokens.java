package org.vpspanel.agent.tls;

import org.vpspanel.agent.EnrollmentToken;

import org.vpspanel.agent.Json;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The enrollment tokens an agent has handed out and not yet seen used, in a file of its state: only each
 * token's id, verifier (a public key: it cannot enroll anyone) and expiry. A token is burnt when it enrolls a
 * panel; expired ones are dropped whenever the file is written.
 */
public final class EnrollmentTokens {

    /** What is kept of a token. */
    public record Outstanding(String id, String verifier, String expiresAt) {
    }

    /** A token just made, and until when it enrolls. */
    public record Issued(EnrollmentToken token, Instant expiresAt) {
    }

    /** Why a panel was not enrolled; nothing was changed. */
    public static final class RefusedException extends RuntimeException {
        RefusedException(String message) {
            super(message);
        }
    }

    private final Path file;
    private final Clock clock;
    private final List<Outstanding> tokens = new ArrayList<>();

    public EnrollmentTokens(Path file, Clock clock) {
        this.file = file;
        this.clock = clock;
        if (Files.exists(file)) {
            for (Object entry : (List<?>) Json.readFile(file).get("tokens")) {
                tokens.add(Json.convert(entry, Outstanding.class));
            }
        }
    }

    /** A new token valid for {@code validity}, for the agent with {@code agentFingerprint} at {@code address}. */
    public synchronized Issued issue(String address, String agentFingerprint, Duration validity) {
        EnrollmentToken token = EnrollmentToken.create(address, agentFingerprint);
        Instant expiresAt = clock.instant().plus(validity);
        tokens.add(new Outstanding(token.id(), token.verifier(), expiresAt.toString()));
        save();
        return new Issued(token, expiresAt);
    }

    /** Burns the token if {@code proof} shows its bearer asks for {@code panelFingerprint}; refuses otherwise. */
    public synchronized void redeem(String id, String panelFingerprint, String proof) {
        Outstanding token = tokens.stream().filter(t -> t.id().equals(id)).findFirst().orElseThrow(() -> new RefusedException(
                "unknown enrollment token: it was used already or made for another agent; make a new one with vpsctl enroll"));
        if (!clock.instant().isBefore(Instant.parse(token.expiresAt()))) {
            throw new RefusedException("the enrollment token expired at " + token.expiresAt() + "; make a new one with vpsctl enroll");
        }
        if (!EnrollmentToken.verify(token.verifier(), panelFingerprint, proof)) {
            throw new RefusedException("the enrollment proof does not match the token: the token was altered, or the proof was made for another certificate");
        }
        tokens.remove(token);
        save();
    }

    private void save() {
        Instant now = clock.instant();
        tokens.removeIf(token -> !now.isBefore(Instant.parse(token.expiresAt())));
        Json.writeFileAtomically(file, Map.of("tokens", tokens));
    }
}
