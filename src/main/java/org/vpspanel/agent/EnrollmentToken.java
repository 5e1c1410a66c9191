package org.vpspanel.agent;

import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.vpspanel.agent.tls.Fingerprints;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/**
 * A one-time token that enrolls a panel with an agent: where the agent listens (a hint), its certificate's
 * fingerprint (which the panel pins) and a secret. The secret never crosses the network: it is the seed of an
 * Ed25519 key, the panel signs its own certificate's fingerprint with it, and the agent keeps only the public
 * key ({@link #verifier()}) to check that signature. So neither the wire nor the agent's state directory holds
 * anything that could enroll another panel.
 * <p>
 * Text form: {@code vpsn_} and base64url of: version (1), id (8), secret (32), agent fingerprint (32), address
 * (UTF-8), then the first 4 bytes of the SHA-256 of all that, so that a token damaged in copying is told
 * apart from a wrong one.
 */
public record EnrollmentToken(String address, String id, byte[] secret, String agentFingerprint) {

    public static final String PREFIX = "vpsn_";
    private static final byte VERSION = 1;
    private static final int ID_BYTES = 8;
    private static final int SECRET_BYTES = 32;
    private static final int FINGERPRINT_BYTES = 32;
    private static final int CHECKSUM_BYTES = 4;
    private static final int MAX_ADDRESS_BYTES = 255;
    private static final byte[] PROOF_CONTEXT = "vpspanel enrollment v1\n".getBytes(StandardCharsets.US_ASCII);
    private static final SecureRandom RANDOM = new SecureRandom();

    public EnrollmentToken {
        if (address.getBytes(StandardCharsets.UTF_8).length > MAX_ADDRESS_BYTES) {
            throw new IllegalArgumentException("The address is longer than " + MAX_ADDRESS_BYTES + " bytes");
        }
        agentFingerprint = Fingerprints.normalize(agentFingerprint);
    }

    /** A new token for the agent with this certificate fingerprint, reachable at {@code address}. */
    public static EnrollmentToken create(String address, String agentFingerprint) {
        byte[] id = new byte[ID_BYTES];
        byte[] secret = new byte[SECRET_BYTES];
        RANDOM.nextBytes(id);
        RANDOM.nextBytes(secret);
        return new EnrollmentToken(address, HexFormat.of().formatHex(id), secret, agentFingerprint);
    }

    public String encode() {
        byte[] addressBytes = address.getBytes(StandardCharsets.UTF_8);
        ByteBuffer body = ByteBuffer.allocate(1 + ID_BYTES + SECRET_BYTES + FINGERPRINT_BYTES + addressBytes.length + CHECKSUM_BYTES);
        body.put(VERSION).put(HexFormat.of().parseHex(id)).put(secret).put(Fingerprints.bytes(agentFingerprint)).put(addressBytes);
        body.put(checksum(body.array(), body.position()));
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(body.array());
    }

    /** Reads a token as pasted (surrounding blanks ignored); a refusal says what is wrong with it, as a sentence. */
    public static EnrollmentToken decode(String text) {
        String token = text == null ? "" : text.strip();
        if (!token.startsWith(PREFIX)) {
            throw new IllegalArgumentException("Not an enrollment token: they start with " + PREFIX + " (run vpsctl enroll on the node)");
        }
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(token.substring(PREFIX.length()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("The enrollment token is damaged: it holds characters a token never has");
        }
        int fixed = 1 + ID_BYTES + SECRET_BYTES + FINGERPRINT_BYTES;
        if (bytes.length < fixed + CHECKSUM_BYTES
                || !Arrays.equals(checksum(bytes, bytes.length - CHECKSUM_BYTES), Arrays.copyOfRange(bytes, bytes.length - CHECKSUM_BYTES, bytes.length))) {
            throw new IllegalArgumentException("The enrollment token is damaged: copy it again in full");
        }
        if (bytes[0] != VERSION) {
            throw new IllegalArgumentException("The enrollment token is of version " + bytes[0] + ", which this panel does not know");
        }
        ByteBuffer body = ByteBuffer.wrap(bytes, 1, bytes.length - 1 - CHECKSUM_BYTES);
        byte[] id = new byte[ID_BYTES];
        byte[] secret = new byte[SECRET_BYTES];
        byte[] fingerprint = new byte[FINGERPRINT_BYTES];
        body.get(id).get(secret).get(fingerprint);
        byte[] address = new byte[body.remaining()];
        body.get(address);
        return new EnrollmentToken(new String(address, StandardCharsets.UTF_8), HexFormat.of().formatHex(id), secret,
                Fingerprints.of(fingerprint));
    }

    /** What the agent keeps to check a proof: the public half of the key the secret seeds (base64). */
    public String verifier() {
        return Base64.getEncoder().encodeToString(new Ed25519PrivateKeyParameters(secret, 0).generatePublicKey().getEncoded());
    }

    /** Proof that the bearer of this token asks to trust the certificate with {@code panelFingerprint} (base64). */
    public String proof(String panelFingerprint) {
        Ed25519Signer signer = new Ed25519Signer();
        signer.init(true, new Ed25519PrivateKeyParameters(secret, 0));
        byte[] message = message(panelFingerprint);
        signer.update(message, 0, message.length);
        return Base64.getEncoder().encodeToString(signer.generateSignature());
    }

    /** Whether {@code proof} was made with the token whose verifier this is, for exactly this fingerprint. */
    public static boolean verify(String verifier, String panelFingerprint, String proof) {
        try {
            Ed25519Signer signer = new Ed25519Signer();
            signer.init(false, new Ed25519PublicKeyParameters(Base64.getDecoder().decode(verifier), 0));
            byte[] message = message(panelFingerprint);
            signer.update(message, 0, message.length);
            return signer.verifySignature(Base64.getDecoder().decode(proof));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static byte[] message(String panelFingerprint) {
        byte[] fingerprint = Fingerprints.bytes(panelFingerprint);
        byte[] message = Arrays.copyOf(PROOF_CONTEXT, PROOF_CONTEXT.length + fingerprint.length);
        System.arraycopy(fingerprint, 0, message, PROOF_CONTEXT.length, fingerprint.length);
        return message;
    }

    private static byte[] checksum(byte[] bytes, int length) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(bytes, 0, length);
            return Arrays.copyOf(sha256.digest(), CHECKSUM_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return "EnrollmentToken[" + id + " for " + agentFingerprint + " at " + address + "]"; // never the secret
    }
}
