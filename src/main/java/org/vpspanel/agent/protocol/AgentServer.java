package org.vpspanel.agent.protocol;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.unixdomain.server.UnixDomainServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.vpspanel.agent.Json;

import java.io.IOException;
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
import java.time.Duration;

/** Serves the {@link AgentApi} over HTTP on a Unix domain socket that only root and one group may use. */
public final class AgentServer implements AutoCloseable {

    private static final int MAX_BODY_BYTES = 1 << 20;
    private static final Duration LONGEST_OPERATION = Duration.ofHours(1);

    private final Server server;
    private final Path socket;

    private AgentServer(Server server, Path socket) {
        this.server = server;
        this.socket = socket;
    }

    /** Listens on {@code socket}, readable and writable by root and {@code group} (null: root only). */
    public static AgentServer start(AgentApi api, Path socket, String group) throws Exception {
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
        server.setHandler(new ApiHandler(api));
        server.start();
        Files.setPosixFilePermissions(socket, PosixFilePermissions.fromString("rw-rw----"));
        if (group != null) {
            GroupPrincipal principal = socket.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByGroupName(group);
            Files.getFileAttributeView(socket, PosixFileAttributeView.class).setGroup(principal);
        }
        return new AgentServer(server, socket);
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

        ApiHandler(AgentApi api) {
            this.api = api;
        }

        @Override
        public boolean handle(Request request, Response response, Callback callback) throws Exception {
            AgentApi.Reply reply;
            if (request.getLength() > MAX_BODY_BYTES) {
                reply = new AgentApi.Reply(413, java.util.Map.of("error", "request body over " + MAX_BODY_BYTES + " bytes"));
            } else {
                String body = Content.Source.asString(request, StandardCharsets.UTF_8);
                boolean createOnly = "*".equals(request.getHeaders().get(HttpHeader.IF_NONE_MATCH));
                reply = api.handle(request.getMethod(), request.getHttpURI().getPath(), createOnly, body);
            }
            response.setStatus(reply.status());
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
            response.write(true, ByteBuffer.wrap((Json.write(reply.body()) + "\n").getBytes(StandardCharsets.UTF_8)), callback);
            return true;
        }
    }
}
