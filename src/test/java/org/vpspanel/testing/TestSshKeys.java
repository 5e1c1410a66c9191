package org.vpspanel.testing;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Real, freshly generated SSH public keys in OpenSSH's one-line format, made with the JDK. */
public final class TestSshKeys {

    private TestSshKeys() {
    }

    public static String ed25519(String comment) {
        try {
            byte[] x509 = KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPublic().getEncoded();
            // The X.509 encoding of an Ed25519 key ends with the 32 raw key bytes.
            byte[] raw = Arrays.copyOfRange(x509, x509.length - 32, x509.length);
            return line("ssh-ed25519", blob(string("ssh-ed25519"), string(raw)), comment);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String rsa(int bits, String comment) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(bits);
            RSAPublicKey key = (RSAPublicKey) generator.generateKeyPair().getPublic();
            return line("ssh-rsa", blob(string("ssh-rsa"), mpint(key.getPublicExponent()), mpint(key.getModulus())),
                    comment);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A key line whose base64 data is the given SSH wire fields. */
    public static String line(String type, byte[] blob, String comment) {
        return type + " " + Base64.getEncoder().encodeToString(blob) + (comment.isEmpty() ? "" : " " + comment);
    }

    /** The fingerprint {@code ssh-keygen -lf} prints for the key, when ssh-keygen is installed. */
    public static Optional<String> sshKeygenFingerprint(String publicKeyLine) {
        try {
            Path file = Files.createTempFile("vpspanel-key", ".pub");
            try {
                Files.writeString(file, publicKeyLine + "\n");
                Process process = new ProcessBuilder("ssh-keygen", "-l", "-E", "sha256", "-f", file.toString())
                        .redirectErrorStream(true).start();
                String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                if (!process.waitFor(10, TimeUnit.SECONDS) || process.exitValue() != 0) {
                    throw new IllegalStateException("ssh-keygen refused the key: " + out);
                }
                return Optional.of(out.trim().split("\\s+")[1]);
            } finally {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            return Optional.empty(); // no ssh-keygen on this machine
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static byte[] string(String text) {
        return string(text.getBytes(StandardCharsets.US_ASCII));
    }

    public static byte[] string(byte[] bytes) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            DataOutputStream data = new DataOutputStream(out);
            data.writeInt(bytes.length);
            data.write(bytes);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] mpint(BigInteger value) {
        return string(value.toByteArray());
    }

    public static byte[] blob(byte[]... fields) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] field : fields) {
            out.writeBytes(field);
        }
        return out.toByteArray();
    }
}
