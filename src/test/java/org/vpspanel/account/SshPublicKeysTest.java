package org.vpspanel.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.vpspanel.testing.TestSshKeys.blob;
import static org.vpspanel.testing.TestSshKeys.string;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vpspanel.testing.TestSshKeys;

class SshPublicKeysTest {

    @Test
    void anEd25519KeyIsReadWithTheFingerprintSshKeygenShows() {
        String key = TestSshKeys.ed25519("alice@laptop");

        SshPublicKeys.ParsedKey parsed = SshPublicKeys.parse(key);

        assertThat(parsed.type()).isEqualTo("ssh-ed25519");
        assertThat(parsed.normalized()).isEqualTo(key);
        assertThat(parsed.fingerprint()).matches("SHA256:[A-Za-z0-9+/]{43}");
        TestSshKeys.sshKeygenFingerprint(key).ifPresent(f -> assertThat(parsed.fingerprint()).isEqualTo(f));
    }

    @Test
    void anRsaKeyOf2048BitsIsReadWithTheFingerprintSshKeygenShows() {
        String key = TestSshKeys.rsa(2048, "bob@desk");

        SshPublicKeys.ParsedKey parsed = SshPublicKeys.parse(key);

        assertThat(parsed.type()).isEqualTo("ssh-rsa");
        TestSshKeys.sshKeygenFingerprint(key).ifPresent(f -> assertThat(parsed.fingerprint()).isEqualTo(f));
    }

    @Test
    void keysMadeBySshKeygenAreAccepted(@TempDir Path dir) throws Exception {
        for (String type : new String[] {"ed25519", "ecdsa", "rsa"}) {
            Path file = dir.resolve("id_" + type);
            assumeThat(sshKeygen("-q", "-t", type, "-N", "", "-C", "me@" + type, "-f", file.toString())).isZero();
            String key = Files.readString(Path.of(file + ".pub"));

            SshPublicKeys.ParsedKey parsed = SshPublicKeys.parse(key);

            assertThat(parsed.normalized()).isEqualTo(key.trim()).endsWith(" me@" + type);
            assertThat(TestSshKeys.sshKeygenFingerprint(key)).contains(parsed.fingerprint());
        }
    }

    @Test
    void whitespaceAroundAndInsideTheLineIsNormalized() {
        String key = TestSshKeys.ed25519("");
        String[] parts = key.split(" ");

        SshPublicKeys.ParsedKey parsed = SshPublicKeys.parse("\n  " + parts[0] + " \t " + parts[1] + "   my laptop  \n");

        assertThat(parsed.normalized()).isEqualTo(key + " my laptop");
        assertThat(parsed.fingerprint()).isEqualTo(SshPublicKeys.parse(key).fingerprint());
    }

    @Test
    void aShortRsaKeyIsRefused() {
        assertThatThrownBy(() -> SshPublicKeys.parse(TestSshKeys.rsa(1024, "old")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("RSA keys must have at least 2048 bits; this has 1024");
    }

    @Test
    void aKeyTypeThatIsNotSupportedIsRefused() {
        String dsa = "ssh-dss " + Base64.getEncoder().encodeToString(blob(string("ssh-dss"), string("x"))) + " x";

        assertThatThrownBy(() -> SshPublicKeys.parse(dsa)).hasMessageStartingWith("Not an OpenSSH public key");
        assertThatThrownBy(() -> SshPublicKeys.parse("hello world")).hasMessageStartingWith("Not an OpenSSH public key");
        assertThatThrownBy(() -> SshPublicKeys.parse("ssh-ed25519")).hasMessageStartingWith("Not an OpenSSH public key");
    }

    @Test
    void aKeyWhoseDataIsOfAnotherTypeThanItsNameIsRefused() {
        String ed25519Data = TestSshKeys.ed25519("x").split(" ")[1];

        assertThatThrownBy(() -> SshPublicKeys.parse("ssh-rsa " + ed25519Data))
                .hasMessage("The key data is of type 'ssh-ed25519', not ssh-rsa");
    }

    @Test
    void keyDataThatIsNotBase64IsRefused() {
        assertThatThrownBy(() -> SshPublicKeys.parse("ssh-ed25519 AAAA!!!notbase64 me"))
                .hasMessage("The key data is not valid base64");
    }

    @Test
    void truncatedKeyDataIsRefused() {
        byte[] whole = Base64.getDecoder().decode(TestSshKeys.ed25519("x").split(" ")[1]);
        byte[] cut = Arrays.copyOf(whole, whole.length - 5);

        assertThatThrownBy(() -> SshPublicKeys.parse(TestSshKeys.line("ssh-ed25519", cut, "")))
                .hasMessage("The key data is truncated");
    }

    @Test
    void keyDataThatHoldsOnlyTheTypeNameAndNoKeyIsRefused() {
        String noKey = TestSshKeys.line("ssh-ed25519", string("ssh-ed25519"), "x");
        String shortKey = TestSshKeys.line("ssh-ed25519", blob(string("ssh-ed25519"), string(new byte[5])), "x");

        assertThatThrownBy(() -> SshPublicKeys.parse(noKey)).hasMessage("The key data is truncated");
        assertThatThrownBy(() -> SshPublicKeys.parse(shortKey))
                .hasMessage("The key data does not hold a 32-byte Ed25519 key");
    }

    @Test
    void nothingPastedAsksForAKey() {
        assertThatThrownBy(() -> SshPublicKeys.parse("  ")).hasMessageStartingWith("Paste a public key");
        assertThatThrownBy(() -> SshPublicKeys.parse(null)).hasMessageStartingWith("Paste a public key");
    }

    private static int sshKeygen(String... args) throws IOException, InterruptedException {
        String[] command = new String[args.length + 1];
        command[0] = "ssh-keygen";
        System.arraycopy(args, 0, command, 1, args.length);
        try {
            return new ProcessBuilder(command).redirectErrorStream(true).start().waitFor();
        } catch (IOException e) {
            return -1; // no ssh-keygen on this machine
        }
    }
}
