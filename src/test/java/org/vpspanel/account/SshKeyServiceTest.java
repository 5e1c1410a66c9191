package org.vpspanel.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.vpspanel.common.FieldViolation;
import org.vpspanel.common.InvalidInputException;
import org.vpspanel.common.NotFoundException;
import org.vpspanel.testing.PanelTest;
import org.vpspanel.testing.TestSshKeys;

class SshKeyServiceTest extends PanelTest {

    @Autowired
    SshKeyService sshKeys;

    private final String laptopKey = TestSshKeys.ed25519("carol@laptop");

    @BeforeEach
    void twoCustomers() {
        AccountSummary acme = createReseller("acme");
        createCustomer("carol", acme);
        createCustomer("dave", acme);
    }

    @Test
    void aUserAddsAKeyAndRemovesIt() {
        signIn("carol");

        SshKeyInfo added = sshKeys.add(" laptop ", laptopKey);

        assertThat(sshKeys.myKeys()).singleElement().satisfies(key -> {
            assertThat(key.id()).isEqualTo(added.id());
            assertThat(key.name()).isEqualTo("laptop");
            assertThat(key.publicKey()).isEqualTo(laptopKey);
            assertThat(key.fingerprint()).isEqualTo(SshPublicKeys.parse(laptopKey).fingerprint());
            assertThat(key.createdAt()).isNotNull();
        });

        sshKeys.remove(added.id());

        assertThat(sshKeys.myKeys()).isEmpty();
    }

    @Test
    void keysAreListedByName() {
        signIn("carol");
        sshKeys.add("work", TestSshKeys.ed25519("w"));
        sshKeys.add("home", TestSshKeys.rsa(2048, "h"));

        assertThat(sshKeys.myKeys()).extracting(SshKeyInfo::name).containsExactly("home", "work");
    }

    @Test
    void theSameKeyIsRefusedASecondTimeEvenWithAnotherNameOrComment() {
        signIn("carol");
        SshKeyInfo first = sshKeys.add("laptop", laptopKey);
        String sameKeyOtherComment = laptopKey.replace("carol@laptop", "renamed");

        assertThatThrownBy(() -> sshKeys.add("again", sameKeyOtherComment))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations()).containsExactly(
                        new FieldViolation("publicKey", "This key is already added (" + first.fingerprint() + ")")));
        assertThat(sshKeys.myKeys()).hasSize(1);
    }

    @Test
    void twoUsersMayEachAddTheSameKey() {
        as("carol", () -> sshKeys.add("shared", laptopKey));

        as("dave", () -> sshKeys.add("shared", laptopKey));

        assertThat(as("dave", () -> sshKeys.myKeys())).hasSize(1);
        assertThat(as("carol", () -> sshKeys.myKeys())).hasSize(1);
    }

    @Test
    void anotherUsersKeyIsNotFoundAndStaysInPlace() {
        SshKeyInfo carols = as("carol", () -> sshKeys.add("laptop", laptopKey));
        signIn("dave");

        assertThat(sshKeys.myKeys()).isEmpty();
        assertThatThrownBy(() -> sshKeys.remove(carols.id())).isInstanceOf(NotFoundException.class)
                .hasMessage("SSH key " + carols.id() + " not found");
        assertThat(as("carol", () -> sshKeys.myKeys())).extracting(SshKeyInfo::id).containsExactly(carols.id());
    }

    @Test
    void aMissingNameAndAnInvalidKeyAreReportedTogether() {
        signIn("carol");

        assertThatThrownBy(() -> sshKeys.add(" ", "ssh-rsa not-base64!"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations()).containsExactly(
                        new FieldViolation("name", "Give the key a name of 1 to 100 characters"),
                        new FieldViolation("publicKey", "The key data is not valid base64")));
        assertThat(sshKeys.myKeys()).isEmpty();
    }
}
