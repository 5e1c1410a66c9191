package org.vpspanel.agent.tls;

import org.vpspanel.agent.TlsIdentity;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;

/**
 * TLS 1.3 contexts for the agent protocol over TCP. Neither side trusts an authority: the panel accepts only
 * the agent certificate whose fingerprint it pinned; the agent asks every client for a certificate and
 * decides per request whether its fingerprint is trusted (so that an untrusted panel can still enroll).
 */
public final class TlsContexts {

    public static final String PROTOCOL = "TLSv1.3";
    private static final char[] IN_MEMORY = "in-memory".toCharArray();

    private TlsContexts() {
    }

    /** The agent's side: presents {@code identity}, takes any client certificate the client holds the key of. */
    public static SSLContext server(TlsIdentity identity) {
        return context(identity, new AnyClientCertificate());
    }

    /** The panel's side: presents {@code identity}, accepts only the server certificate with {@code pinned}. */
    public static SSLContext client(TlsIdentity identity, String pinned) {
        return context(identity, new PinnedServerCertificate(Fingerprints.normalize(pinned)));
    }

    private static SSLContext context(TlsIdentity identity, X509ExtendedTrustManager trust) {
        try {
            KeyStore keys = KeyStore.getInstance("PKCS12");
            keys.load(null, null);
            keys.setKeyEntry("identity", identity.key(), IN_MEMORY, new X509Certificate[] {identity.certificate()});
            KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keyManagers.init(keys, IN_MEMORY);
            SSLContext context = SSLContext.getInstance(PROTOCOL);
            context.init(keyManagers.getKeyManagers(), new X509ExtendedTrustManager[] {trust}, null);
            return context;
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new IllegalStateException("cannot set up TLS: " + e.getMessage(), e);
        }
    }

    /**
     * Trust decided by the agent per request (see TrustedPanels); the handshake only proves the client holds the
     * key of the certificate it presents. A client without a certificate is refused in the handshake.
     */
    private static final class AnyClientCertificate extends CertificateOnlyTrustManager {

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            if (chain == null || chain.length == 0) {
                throw new CertificateException("a client certificate is required");
            }
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            throw new CertificateException("the agent's context accepts no servers");
        }
    }

    /** Accepts exactly one server certificate, by fingerprint; the name in it does not matter. */
    private static final class PinnedServerCertificate extends CertificateOnlyTrustManager {

        private final String pinned;

        PinnedServerCertificate(String pinned) {
            this.pinned = pinned;
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            if (chain == null || chain.length == 0) {
                throw new CertificateException("the agent presented no certificate");
            }
            String presented = Fingerprints.of(chain[0]);
            if (!presented.equals(pinned)) {
                throw new PinMismatchException(pinned, presented);
            }
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            throw new CertificateException("the panel's context accepts no clients");
        }
    }

    /**
     * Trust that depends on the certificate alone: the overloads with a socket or engine decide as the plain
     * ones do, and no authority is named (each side sends its self-signed certificate).
     */
    private abstract static class CertificateOnlyTrustManager extends X509ExtendedTrustManager {

        @Override
        public final void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
            checkClientTrusted(chain, authType);
        }

        @Override
        public final void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
            checkClientTrusted(chain, authType);
        }

        @Override
        public final void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
            checkServerTrusted(chain, authType);
        }

        @Override
        public final void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
            checkServerTrusted(chain, authType);
        }

        @Override
        public final X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }

    /** Another certificate answered than the one pinned: another agent, or someone in between. */
    public static final class PinMismatchException extends CertificateException {

        PinMismatchException(String pinned, String presented) {
            super("the agent presented the certificate " + presented + ", not the pinned " + pinned
                    + ": another agent answers at this address, or something in between does");
        }
    }
}
