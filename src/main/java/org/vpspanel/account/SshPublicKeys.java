package org.vpspanel.account;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Set;

/**
 * Reads OpenSSH public keys ("ssh-ed25519 AAAA... comment"): checks that the base64 blob really is a key
 * of the named type and computes its SHA256 fingerprint as ssh-keygen -l shows it.
 */
final class SshPublicKeys {

    private static final Set<String> TYPES = Set.of("ssh-ed25519", "ssh-rsa", "ecdsa-sha2-nistp256",
            "ecdsa-sha2-nistp384", "ecdsa-sha2-nistp521", "sk-ssh-ed25519@openssh.com",
            "sk-ecdsa-sha2-nistp256@openssh.com");
    private static final int MIN_RSA_BITS = 2048;

    record ParsedKey(String type, String normalized, String fingerprint) {
    }

    private SshPublicKeys() {
    }

    /** The key in one normalized line with its fingerprint; IllegalArgumentException says what is wrong. */
    static ParsedKey parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("Paste a public key, e.g. the contents of ~/.ssh/id_ed25519.pub");
        }
        String[] parts = text.trim().split("\\s+", 3);
        if (parts.length < 2 || !TYPES.contains(parts[0])) {
            throw new IllegalArgumentException("Not an OpenSSH public key: it must start with one of "
                    + String.join(", ", TYPES.stream().sorted().toList()));
        }
        byte[] blob;
        try {
            blob = Base64.getDecoder().decode(parts[1]);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("The key data is not valid base64");
        }
        ByteBuffer buffer = ByteBuffer.wrap(blob);
        String innerType = new String(readField(buffer), StandardCharsets.US_ASCII);
        if (!innerType.equals(parts[0])) {
            throw new IllegalArgumentException("The key data is of type '" + innerType + "', not " + parts[0]);
        }
        if (innerType.equals("ssh-rsa")) {
            readField(buffer);
            byte[] modulus = readField(buffer);
            int bits = new java.math.BigInteger(1, modulus).bitLength();
            if (bits < MIN_RSA_BITS) {
                throw new IllegalArgumentException("RSA keys must have at least " + MIN_RSA_BITS + " bits; this has " + bits);
            }
        } else if (innerType.equals("ssh-ed25519")) {
            if (readField(buffer).length != 32) {
                throw new IllegalArgumentException("The key data does not hold a 32-byte Ed25519 key");
            }
        } else {
            if (!buffer.hasRemaining()) {
                throw new IllegalArgumentException("The key data is truncated");
            }
            while (buffer.hasRemaining()) {
                readField(buffer);
            }
        }
        String comment = parts.length == 3 ? " " + parts[2].replaceAll("[\\r\\n]", " ") : "";
        return new ParsedKey(parts[0], parts[0] + " " + parts[1] + comment, fingerprint(blob));
    }

    private static byte[] readField(ByteBuffer buffer) {
        if (buffer.remaining() < 4) {
            throw new IllegalArgumentException("The key data is truncated");
        }
        int length = buffer.getInt();
        if (length < 0 || length > buffer.remaining()) {
            throw new IllegalArgumentException("The key data is truncated");
        }
        byte[] field = new byte[length];
        buffer.get(field);
        return field;
    }

    private static String fingerprint(byte[] blob) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(blob);
            return "SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
