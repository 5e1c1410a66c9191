package org.vpspanel.agent;

import org.eclipse.jetty.client.ContentResponse;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.transport.HttpClientTransportOverHTTP;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.client.StringRequestContent;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.ClientConnector;
import org.eclipse.jetty.io.Transport;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.vpspanel.agent.tls.TlsContexts;

import java.nio.file.Files;
import java.security.cert.CertificateException;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Talks the agent protocol over the agent's Unix domain socket or over TLS: vpsctl and the panel use it. */
public final class AgentClient implements AutoCloseable {

    private final HttpClient http;
    private final AgentEndpoint endpoint;

    public AgentClient(AgentEndpoint endpoint) {
        this.endpoint = endpoint;
        this.http = switch (endpoint) {
            case AgentEndpoint.Local local -> new HttpClient();
            case AgentEndpoint.Remote remote -> {
                SslContextFactory.Client tls = new SslContextFactory.Client();
                tls.setSslContext(TlsContexts.client(remote.client(), remote.agentFingerprint()));
                tls.setIncludeProtocols(TlsContexts.PROTOCOL);
                tls.setEndpointIdentificationAlgorithm(null); // the pinned fingerprint replaces the name check
                ClientConnector connector = new ClientConnector();
                connector.setSslContextFactory(tls);
                yield new HttpClient(new HttpClientTransportOverHTTP(connector));
            }
        };
        try {
            http.start();
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the HTTP client: " + e.getMessage(), e);
        }
    }

    /** An answer of the agent: status and body text (JSON). */
    public record Answer(int status, String body) {
        public boolean ok() {
            return status / 100 == 2;
        }

        /** The agent's one-line reason for an error answer. */
        public String error() {
            try {
                Object error = Json.readObject(body).get("error");
                return error == null ? "HTTP " + status : error.toString();
            } catch (IllegalArgumentException e) {
                return "HTTP " + status + ": " + body.strip();
            }
        }
    }

    public Answer send(String method, String path, Object body, boolean createOnly, Duration timeout) {
        Request request = switch (endpoint) {
            case AgentEndpoint.Local local -> {
                if (!Files.exists(local.socket())) {
                    throw new IllegalStateException("no agent socket at " + local.socket() + " (is vps-agent running? pick another with --socket)");
                }
                yield http.newRequest("http://localhost" + path).transport(new Transport.TCPUnix(local.socket()));
            }
            case AgentEndpoint.Remote remote -> http.newRequest("https://" + remote.hostAndPort() + path);
        };
        request.method(method).timeout(timeout.toMillis(), TimeUnit.MILLISECONDS).idleTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (body != null) {
            request.body(new StringRequestContent("application/json", Json.write(body)));
        }
        if (createOnly) {
            request.headers(headers -> headers.put(HttpHeader.IF_NONE_MATCH, "*"));
        }
        try {
            ContentResponse response = request.send();
            return new Answer(response.getStatus(), response.getContentAsString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted");
        } catch (TimeoutException e) {
            throw new IllegalStateException("the agent did not answer within " + timeout.toSeconds() + " s");
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot reach the agent at " + endpoint.describe() + ": " + reason(e.getCause()));
        }
    }

    /** Why a connection failed, in the most telling words found among the causes (a pinned certificate's above all). */
    static String reason(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof CertificateException) {
                return cause.getMessage();
            }
        }
        String message = failure.getMessage();
        return message == null || message.isBlank() ? failure.getClass().getSimpleName() : message;
    }

    @Override
    public void close() {
        try {
            http.stop();
        } catch (Exception ignored) {
            // closing a client whose agent went away
        }
    }
}
