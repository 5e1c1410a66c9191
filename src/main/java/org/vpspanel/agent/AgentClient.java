package org.vpspanel.agent;

import org.eclipse.jetty.client.ContentResponse;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.client.StringRequestContent;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Transport;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Talks the agent protocol over the agent's Unix domain socket: vpsctl and the panel use it. */
public final class AgentClient implements AutoCloseable {

    private final HttpClient http;
    private final Path socket;

    public AgentClient(Path socket) {
        this.socket = socket;
        this.http = new HttpClient();
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
        if (!Files.exists(socket)) {
            throw new IllegalStateException("no agent socket at " + socket + " (is vps-agent running? pick another with --socket)");
        }
        Request request = http.newRequest("http://localhost" + path).transport(new Transport.TCPUnix(socket)).method(method)
                .timeout(timeout.toMillis(), TimeUnit.MILLISECONDS).idleTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS);
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
            throw new IllegalStateException("cannot reach the agent at " + socket + ": " + e.getCause().getMessage());
        }
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
