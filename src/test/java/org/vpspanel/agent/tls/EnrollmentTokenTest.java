package org.vpspanel.agent.tls;

import org.vpspanel.agent.EnrollmentToken;

import org.vpspanel.agent.TlsIdentity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Enrollment tokens: their text form, the proof made with them, and the agent's one-time use of them. */
class EnrollmentTokenTest {

    private static final String AGENT = TlsIdentity.generate("agent").fingerprint();
    private static final String PANEL = TlsIdentity.generate("panel").fingerprint();

    @TempDir
    Path dir;

    @Test
    void readsBackWhatItWrote() {
        EnrollmentToken token = EnrollmentToken.create("node7.example.com:8443", AGENT);

        String text = token.encode();
        EnrollmentToken read = EnrollmentToken.decode("  " + text + "\n");

        assertThat(text).startsWith("vpsn_").matches("vpsn_[A-Za-z0-9_-]+").hasSizeLessThan(140);
        assertThat(read.address()).isEqualTo("node7.example.com:8443");
        assertThat(read.id()).isEqualTo(token.id());
        assertThat(read.secret()).isEqualTo(token.secret());
        assertThat(read.agentFingerprint()).isEqualTo(AGENT).matches("([0-9A-F]{2}:){31}[0-9A-F]{2}");
        assertThat(read.toString()).doesNotContain(java.util.HexFormat.of().formatHex(token.secret()));
    }

    @Test
    void tellsADamagedTokenFromSomethingElse() {
        String text = EnrollmentToken.create("10.0.0.5:8443", AGENT).encode();
        char last = text.charAt(20);
        String typo = text.substring(0, 20) + (last == 'A' ? 'B' : 'A') + text.substring(21);

        assertThatThrownBy(() -> EnrollmentToken.decode(typo)).hasMessageContaining("damaged: copy it again in full");
        assertThatThrownBy(() -> EnrollmentToken.decode(text.substring(0, 60))).hasMessageContaining("damaged");
        assertThatThrownBy(() -> EnrollmentToken.decode(text + "!")).hasMessageContaining("characters a token never has");
        assertThatThrownBy(() -> EnrollmentToken.decode("vpsp_abc")).hasMessageContaining("start with vpsn_");
        assertThatThrownBy(() -> EnrollmentToken.decode("")).hasMessageContaining("Not an enrollment token");
    }

    @Test
    void aProofHoldsOnlyForTheFingerprintItWasMadeFor() {
        EnrollmentToken token = EnrollmentToken.create("", AGENT);
        String proof = token.proof(PANEL);

        assertThat(EnrollmentToken.verify(token.verifier(), PANEL, proof)).isTrue();
        assertThat(EnrollmentToken.verify(token.verifier(), AGENT, proof)).as("another certificate").isFalse();
        assertThat(EnrollmentToken.verify(EnrollmentToken.create("", AGENT).verifier(), PANEL, proof)).as("another token").isFalse();
        assertThat(EnrollmentToken.verify(token.verifier(), PANEL, "bm9wZQ==")).isFalse();
        assertThat(token.verifier()).as("the verifier is not the secret")
                .doesNotContain(java.util.Base64.getEncoder().encodeToString(token.secret()));
    }

    @Test
    void anAgentTakesEachTokenOnceAndOnlyBeforeItExpires() throws Exception {
        MovableClock clock = new MovableClock();
        EnrollmentTokens tokens = new EnrollmentTokens(dir.resolve("tokens.json"), clock);
        EnrollmentToken token = tokens.issue("a:1", AGENT, Duration.ofHours(1)).token();
        EnrollmentToken expiring = tokens.issue("a:1", AGENT, Duration.ofMinutes(1)).token();
        String stored = Files.readString(dir.resolve("tokens.json"));

        assertThatThrownBy(() -> tokens.redeem(token.id(), PANEL, token.proof(AGENT))).hasMessageContaining("proof does not match");
        assertThat(Files.readString(dir.resolve("tokens.json"))).as("a refusal changes nothing").isEqualTo(stored);
        clock.now = clock.now.plus(Duration.ofMinutes(2));
        assertThatThrownBy(() -> tokens.redeem(expiring.id(), PANEL, expiring.proof(PANEL))).hasMessageContaining("expired");

        tokens.redeem(token.id(), PANEL, token.proof(PANEL));

        assertThatThrownBy(() -> tokens.redeem(token.id(), PANEL, token.proof(PANEL))).hasMessageContaining("used already");
        EnrollmentTokens reloaded = new EnrollmentTokens(dir.resolve("tokens.json"), clock);
        assertThatThrownBy(() -> reloaded.redeem(token.id(), PANEL, token.proof(PANEL))).hasMessageContaining("used already");
        assertThat(Files.readString(dir.resolve("tokens.json"))).as("only verifiers are kept, and no expired token")
                .doesNotContain(expiring.id()).doesNotContain(java.util.Base64.getEncoder().encodeToString(token.secret()));
    }

    @Test
    void fingerprintsAreReadWithOrWithoutColons() {
        assertThat(Fingerprints.normalize(PANEL.replace(":", "").toLowerCase())).isEqualTo(PANEL);
        assertThatThrownBy(() -> Fingerprints.normalize("AB:CD")).hasMessageContaining("64 hexadecimal digits");
    }

    private static final class MovableClock extends Clock {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
