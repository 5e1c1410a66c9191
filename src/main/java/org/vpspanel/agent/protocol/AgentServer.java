package org.vpspanel.agent.protocol;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.unixdomain.server.UnixDomainServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.vpspanel.agent.ConsoleFrames;
import org.vpspanel.agent.Json;
import org.vpspanel.agent.TerminalSize;
import org.vpspanel.agent.TlsIdentity;
import org.vpspanel.agent.console.Console;
import org.vpspanel.agent.tls.Fingerprints;
import org.vpspanel.agent.tls.TlsContexts;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Serves the {@link AgentApi} over HTTP on a Unix domain socket that only root and one group may use and,
 * when asked, over HTTPS on a TCP port for remote panels (TLS 1.3, client certificate required, the
 * {@link TrustApi} deciding per request whom it is from).
 */
public final class AgentServer implements AutoCloseable {

    private static final int MAX_BODY_BYTES = 1 << 20;
    private static final byte END_OF_TRANSMISSION = 4;
    private static final Duration LONGEST_OPERATION = Duration.ofHours(1);
    private static final AgentApi.Reply TOO_LARGE = new AgentApi.Reply(413, Map.of("error", "request body over " + MAX_BODY_BYTES + " bytes"));

    private final Server server;
    private final Path socket;

    private AgentServer(Server server, Path socket) {
        this.server = server;
        this.socket = socket;
    }

    /** Where and as whom the agent listens on TCP. */
    public record TcpListener(InetSocketAddress address, TlsIdentity identity) {

        /** HOST:PORT, as --listen takes it. */
        public String hostAndPort() {
            String host = address.getHostString();
            return (host.contains(":") ? "[" + host + "]" : host) + ":" + address.getPort();
        }
    }

    /**
     * Listens on {@code socket}, readable and writable by root and {@code group} (null: root only), and on
     * {@code tcp} unless it is null.
     */
    public static AgentServer start(AgentApi api, TrustApi trust, Path socket, String group, TcpListener tcp) throws Exception {
        if (isServed(socket)) {
            throw new IllegalStateException("another agent already listens on " + socket);
        }
        Files.deleteIfExists(socket);
        Files.createDirectories(socket.toAbsolutePath().getParent());
        QueuedThreadPool threads = new QueuedThreadPool(64, 4);
        threads.setName("vps-agent-http");
        Server server = new Server(threads);
        UnixDomainServerConnector connector = new UnixDomainServerConnector(server);
        connector.setUnixDomainPath(socket);
        // a create that bootstraps a template runs for minutes with the connection quiet
        connector.setIdleTimeout(LONGEST_OPERATION.toMillis());
        server.addConnector(connector);
        if (tcp != null) {
            server.addConnector(tlsConnector(server, tcp));
        }
        server.setHandler(new ApiHandler(api, trust));
        server.start();
        Files.setPosixFilePermissions(socket, PosixFilePermissions.fromString("rw-rw----"));
        if (group != null) {
            GroupPrincipal principal = socket.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByGroupName(group);
            Files.getFileAttributeView(socket, PosixFileAttributeView.class).setGroup(principal);
        }
        return new AgentServer(server, socket);
    }

    private static ServerConnector tlsConnector(Server server, TcpListener tcp) {
        SslContextFactory.Server tls = new SslContextFactory.Server();
        tls.setSslContext(TlsContexts.server(tcp.identity()));
        tls.setIncludeProtocols(TlsContexts.PROTOCOL);
        tls.setNeedClientAuth(true);
        HttpConfiguration http = new HttpConfiguration();
        // panels reach agents by address and pin the certificate: the name in it is not checked
        http.addCustomizer(new SecureRequestCustomizer(false));
        ServerConnector connector = new ServerConnector(server, new SslConnectionFactory(tls, "http/1.1"), new HttpConnectionFactory(http));
        connector.setHost(tcp.address().getHostString());
        connector.setPort(tcp.address().getPort());
        connector.setIdleTimeout(LONGEST_OPERATION.toMillis());
        return connector;
    }

    private static boolean isServed(Path socket) {
        if (!Files.exists(socket)) {
            return false;
        }
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            return channel.connect(UnixDomainSocketAddress.of(socket));
        } catch (IOException e) {
            return false;
        }
    }

    public void join() throws InterruptedException {
        server.join();
    }

    @Override
    public void close() throws Exception {
        server.stop();
        Files.deleteIfExists(socket);
    }

    private static final class ApiHandler extends Handler.Abstract {

        private final AgentApi api;
        private final TrustApi trust;

        ApiHandler(AgentApi api, TrustApi trust) {
            this.api = api;
            this.trust = trust;
        }

        @Override
        public boolean handle(Request request, Response response, Callback callback) throws Exception {
            send(answer(request, response, callback), response, callback);
            return true;
        }

        /** The reply to send, or null when the request was a console, which streams its own answer. */
        private AgentApi.Reply answer(Request request, Response response, Callback callback) throws IOException {
            String method = request.getMethod();
            String path = request.getHttpURI().getPath();
            if (request.getConnectionMetaData().isSecure()) {
                X509Certificate client = ((EndPoint.SslSessionData) request.getAttribute(EndPoint.SslSessionData.ATTRIBUTE)).peerCertificates()[0];
                String fingerprint = Fingerprints.of(client);
                if (TrustApi.isEnrollment(method, path)) {
                    String body = body(request);
                    return body == null ? TOO_LARGE : trust.enroll(fingerprint, client.getSubjectX500Principal().getName(),
                            Request.getRemoteAddr(request), body);
                }
                AgentApi.Reply refusal = trust.refusal(path, fingerprint);
                if (refusal != null) {
                    return refusal;
                }
            }
            if (AgentApi.isConsole(method, path)) {
                streamConsole(request, response, callback);
                return null;
            }
            String body = body(request);
            if (body == null) {
                return TOO_LARGE;
            }
            if (TrustApi.isTrustPath(path)) {
                return trust.handleLocal(method, path, body);
            }
            boolean createOnly = "*".equals(request.getHeaders().get(HttpHeader.IF_NONE_MATCH));
            return api.handle(method, path, createOnly, body);
        }

        /** The request body, or null when it is over the limit (chunked bodies included). */
        private static String body(Request request) throws IOException {
            if (request.getLength() > MAX_BODY_BYTES) {
                return null;
            }
            try (InputStream in = Content.Source.asInputStream(request)) {
                byte[] bytes = in.readNBytes(MAX_BODY_BYTES + 1);
                return bytes.length > MAX_BODY_BYTES ? null : new String(bytes, StandardCharsets.UTF_8);
            }
        }

        private static void send(AgentApi.Reply reply, Response response, Callback callback) {
            if (reply == null) {
                return;
            }
            response.setStatus(reply.status());
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
            response.write(true, ByteBuffer.wrap((Json.write(reply.body()) + "\n").getBytes(StandardCharsets.UTF_8)), callback);
        }

        /**
         * Full duplex over one HTTP/1.1 exchange: a thread copies the request body into the terminal while
         * this one copies the terminal into the response, until the shell ends or the client goes away.
         */
        private void streamConsole(Request request, Response response, Callback callback) {
            Map<String, String> query = new HashMap<>();
            Request.extractQueryParameters(request).forEach(field -> query.put(field.getName(), field.getValue()));
            AgentApi.ConsoleOpening opening = api.openConsole(request.getHttpURI().getPath(), query);
            if (opening.refusal() != null) {
                send(opening.refusal(), response, callback);
                return;
            }
            try (Console console = opening.console()) {
                response.setStatus(200);
                response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/octet-stream");
                String path = request.getHttpURI().getPath();
                Thread typing = Thread.ofPlatform().name("vps-agent-console-input").daemon().start(() -> {
                    try (InputStream typed = Content.Source.asInputStream(request)) {
                        ConsoleFrames.read(typed, new ConsoleFrames.Receiver() {
                            @Override
                            public void keys(byte[] bytes, int length) throws IOException {
                                console.type(bytes, length);
                            }

                            @Override
                            public void resize(int rows, int columns) throws IOException {
                                if (TerminalSize.allows(rows) && TerminalSize.allows(columns)) {
                                    console.resize(new TerminalSize(rows, columns));
                                } else { // a client's mistake costs it the resize, not its shell
                                    System.err.println("vps-agent: " + path + ": ignored a resize to " + rows + "x" + columns
                                            + " (rows and columns must be between 1 and " + TerminalSize.MAX + ")");
                                }
                            }
                        });
                        // the end of what is typed is Ctrl-D, as at a terminal: the shell reads end of file
                        console.type(new byte[] {END_OF_TRANSMISSION}, 1);
                    } catch (ConsoleFrames.MalformedException e) {
                        System.err.println("vps-agent: " + path + ": console ended: " + e.getMessage());
                        console.close();
                    } catch (IOException | RuntimeException e) {
                        console.close(); // the client went away: end the shell
                    }
                });
                try (OutputStream shown = Content.Sink.asOutputStream(response)) {
                    byte[] buffer = new byte[4096];
                    for (int n; (n = console.read(buffer)) > 0; ) {
                        shown.write(buffer, 0, n);
                        shown.flush();
                    }
                }
                typing.interrupt();
                callback.succeeded();
            } catch (IOException | RuntimeException e) {
                callback.failed(e);
            }
        }
    }
}
