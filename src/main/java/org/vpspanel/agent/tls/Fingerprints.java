package org.vpspanel.agent.tls;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Certificate fingerprints in one form everywhere (trust store, tokens, UI, vpsctl): SHA-256 in upper-case hex
 * pairs joined by colons, as {@code openssl x509 -noout -fingerprint -sha256} prints it, so an admin can
 * compare them by eye.
 */
public final class Fingerprints {

    private static final HexFormat COLONS = HexFormat.ofDelimiter(":").withUpperCase();

    private Fingerprints() {
    }

    public static String of(X509Certificate certificate) {
        try {
            return of(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String of(byte[] sha256) {
        return COLONS.formatHex(sha256);
    }

    /** The 32 bytes of a fingerprint typed with or without colons, in either case. */
    public static byte[] bytes(String fingerprint) {
        String hex = fingerprint.strip().replace(":", "").toLowerCase(Locale.ROOT);
        if (!hex.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("a SHA-256 fingerprint is 64 hexadecimal digits (colons allowed), not '" + fingerprint.strip() + "'");
        }
        return HexFormat.of().parseHex(hex);
    }

    /** A fingerprint typed with or without colons, in the canonical form. */
    public static String normalize(String fingerprint) {
        return of(bytes(fingerprint));
    }
}
