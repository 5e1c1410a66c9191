package org.vpspanel.agent;

import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.vpspanel.agent.tls.Fingerprints;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;

/**
 * A private key with its self-signed certificate: an agent's server identity or the panel's client identity.
 * Nobody checks these certificates against an authority; each side pins the other's fingerprint instead.
 */
public record TlsIdentity(PrivateKey key, X509Certificate certificate) {

    /** Long on purpose: nothing renews these certificates, and a pinned fingerprint does not expire. */
    private static final Duration VALIDITY = Duration.ofDays(365L * 30);
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A new EC P-256 key and a certificate for it naming {@code commonName}. */
    public static TlsIdentity generate(String commonName) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            KeyPair pair = generator.generateKeyPair();
            var name = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, commonName).build();
            Instant now = Instant.now();
            var builder = new JcaX509v3CertificateBuilder(name, new BigInteger(64, RANDOM).abs().add(BigInteger.ONE),
                    Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(VALIDITY)), name, pair.getPublic());
            var signer = new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate());
            return new TlsIdentity(pair.getPrivate(), new JcaX509CertificateConverter().getCertificate(builder.build(signer)));
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException("cannot make a key and certificate: " + e.getMessage(), e);
        }
    }

    /** The identity kept in {@code dir} as NAME.key (0600) and NAME.crt, made there on first use. */
    public static TlsIdentity loadOrCreate(Path dir, String name, String commonName) {
        Path key = dir.resolve(name + ".key");
        Path certificate = dir.resolve(name + ".crt");
        try {
            if (Files.exists(key) && Files.exists(certificate)) {
                return fromPem(Files.readString(key), Files.readString(certificate));
            }
            TlsIdentity identity = generate(commonName);
            Files.createDirectories(dir);
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
            Files.deleteIfExists(key);
            Files.createFile(key, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(key, identity.keyPem());
            Files.writeString(certificate, identity.certificatePem());
            return identity;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the TLS identity in " + dir + ": " + e.getMessage(), e);
        }
    }

    public static TlsIdentity fromPem(String keyPem, String certificatePem) {
        try {
            byte[] der = Base64.getMimeDecoder().decode(keyPem.replaceAll("-----[A-Z ]+-----", ""));
            PrivateKey key = KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(der));
            X509Certificate certificate = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(certificatePem.getBytes(StandardCharsets.US_ASCII)));
            return new TlsIdentity(key, certificate);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("unreadable key or certificate: " + e.getMessage(), e);
        }
    }

    /** SHA-256 of the certificate, as {@code openssl x509 -noout -fingerprint -sha256} prints it. */
    public String fingerprint() {
        return Fingerprints.of(certificate);
    }

    public String keyPem() {
        return pem("PRIVATE KEY", key.getEncoded());
    }

    public String certificatePem() {
        try {
            return pem("CERTIFICATE", certificate.getEncoded());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der) + "\n-----END " + type + "-----\n";
    }
}
