package org.vpspanel.resources;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HostnamesTest {

    private static final String LABEL_63 = "a".repeat(63);

    @ParameterizedTest
    @ValueSource(strings = {"web1", "web-1.example.com", "a", "1host", "xn--bcher-kva.example", "WEB.Example.COM",
            "a-b-c.d-e-f.g"})
    void rfc1123HostnamesAreAccepted(String hostname) {
        assertThat(Hostnames.problem(hostname)).isEmpty();
    }

    @Test
    void labelsOf63AndNamesOf253CharactersAreTheLongestAccepted() {
        String longest = String.join(".", LABEL_63, LABEL_63, LABEL_63, "a".repeat(61));

        assertThat(longest).hasSize(253);
        assertThat(Hostnames.problem(longest)).isEmpty();
        assertThat(Hostnames.problem(longest + "a")).contains("Hostname is longer than 253 characters");
        assertThat(Hostnames.problem(LABEL_63 + "a.example")).hasValueSatisfying(m -> assertThat(m).contains("RFC 1123"));
    }

    @Test
    void aHostnameWithASpaceIsRefused() {
        assertThat(Hostnames.problem("has space")).contains("Hostname must not contain spaces");
        assertThat(Hostnames.problem("tab\there")).contains("Hostname must not contain spaces");
    }

    @Test
    void aMissingHostnameIsRequired() {
        assertThat(Hostnames.problem("")).contains("Hostname is required");
        assertThat(Hostnames.problem(null)).contains("Hostname is required");
    }

    @ParameterizedTest
    @ValueSource(strings = {"-web", "web-", "a..b", "web.", ".web", "under_score", "dollar$", "ümlaut.de", "web.-x"})
    void namesOutsideRfc1123AreRefusedNamingTheRule(String hostname) {
        assertThat(Hostnames.problem(hostname))
                .contains("Hostname '" + hostname + "' is not valid: each dot-separated part must be 1-63 letters, "
                        + "digits or inner hyphens (RFC 1123)");
    }
}
