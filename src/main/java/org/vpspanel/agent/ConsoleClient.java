package org.vpspanel.agent;


import org.vpspanel.agent.tls.TlsContexts;

import javax.net.ssl.SSLSocket;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;

/**
 * The client end of a console: one HTTP/1.1 exchange with the agent (on its Unix socket or over TLS) whose
 * request body (what is typed and how the terminal is resized, as {@link ConsoleFrames}) and response body
 * (what the terminal prints) both stream, chunked, until the shell ends. Written on a plain socket because
 * both directions must flow at once.
 */
public final class ConsoleClient {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

    private ConsoleClient() {
    }

    /**
     * Connects {@code input} and {@code shown} to a login shell in the partition, opened at {@code size}, until
     * it ends; the agent refusing is an IllegalStateException with its reason.
     */
    public static void attach(AgentEndpoint endpoint, String id, TerminalSize size, ConsoleInput input, OutputStream shown) throws IOException {
        try (Line line = connect(endpoint)) {
            OutputStream toAgent = line.out();
            InputStream fromAgent = line.in();
            String head = "POST /v1/partitions/" + id + "/console?rows=" + size.rows() + "&cols=" + size.columns() + " HTTP/1.1\r\n"
                    + "Host: agent\r\nContent-Type: application/octet-stream\r\nTransfer-Encoding: chunked\r\n\r\n";
            toAgent.write(head.getBytes(StandardCharsets.US_ASCII));
            toAgent.flush();
            Thread typing = Thread.ofPlatform().name("vpsctl-console-input").daemon().start(() -> {
                byte[] buffer = new byte[4096];
                try {
                    for (int n; (n = input.read(buffer)) > 0; ) {
                        toAgent.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                        toAgent.write(buffer, 0, n);
                        toAgent.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                        toAgent.flush();
                    }
                    toAgent.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    toAgent.flush();
                } catch (IOException e) {
                    // the shell ended and the agent closed the exchange
                }
            });
            String status = line(fromAgent);
            boolean chunked = false;
            int length = -1;
            for (String header; !(header = line(fromAgent)).isEmpty(); ) {
                String lower = header.toLowerCase(Locale.ROOT);
                chunked |= lower.startsWith("transfer-encoding:") && lower.contains("chunked");
                if (lower.startsWith("content-length:")) {
                    length = Integer.parseInt(lower.substring(15).strip());
                }
            }
            if (!status.startsWith("HTTP/1.1 200")) {
                byte[] body = chunked ? dechunk(fromAgent, OutputStream.nullOutputStream(), true) : fromAgent.readNBytes(Math.max(0, length));
                Object error = Json.readObject(new String(body, StandardCharsets.UTF_8)).get("error");
                throw new IllegalStateException(String.valueOf(error));
            }
            if (chunked) {
                dechunk(fromAgent, shown, false);
            } else {
                fromAgent.transferTo(shown);
            }
            typing.interrupt();
        }
    }

    /** Both directions of a connection to the agent, closed together. */
    private record Line(InputStream in, OutputStream out, Closeable connection) implements Closeable {
        @Override
        public void close() throws IOException {
            connection.close();
        }
    }

    private static Line connect(AgentEndpoint endpoint) throws IOException {
        return switch (endpoint) {
            case AgentEndpoint.Local local -> {
                SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
                try {
                    channel.connect(UnixDomainSocketAddress.of(local.socket()));
                } catch (IOException e) {
                    channel.close();
                    throw e;
                }
                yield new Line(Channels.newInputStream(channel), Channels.newOutputStream(channel), channel);
            }
            case AgentEndpoint.Remote remote -> {
                Socket tcp = new Socket();
                SSLSocket socket;
                try {
                    tcp.connect(new InetSocketAddress(remote.host(), remote.port()), (int) CONNECT_TIMEOUT.toMillis());
                    socket = (SSLSocket) TlsContexts.client(remote.client(), remote.agentFingerprint()).getSocketFactory()
                            .createSocket(tcp, remote.host(), remote.port(), true);
                } catch (IOException e) {
                    tcp.close();
                    throw e;
                }
                try {
                    socket.setEnabledProtocols(new String[] {TlsContexts.PROTOCOL});
                    socket.startHandshake();
                } catch (IOException e) {
                    socket.close();
                    throw new IOException(AgentClient.reason(e), e);
                }
                yield new Line(socket.getInputStream(), socket.getOutputStream(), socket);
            }
        };
    }

    /** Copies a chunked body to {@code out} as it arrives; returns it too when {@code keep}. */
    private static byte[] dechunk(InputStream in, OutputStream out, boolean keep) throws IOException {
        ByteArrayOutputStream kept = new ByteArrayOutputStream();
        while (true) {
            String size = line(in);
            int length = Integer.parseInt(size.split(";")[0].strip(), 16);
            if (length == 0) {
                return kept.toByteArray();
            }
            byte[] chunk = in.readNBytes(length);
            if (chunk.length < length) {
                throw new EOFException("the agent closed the console mid-chunk");
            }
            out.write(chunk);
            out.flush();
            if (keep) {
                kept.write(chunk);
            }
            line(in);
        }
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b; (b = in.read()) != '\n'; ) {
            if (b < 0) {
                return line.toString(StandardCharsets.US_ASCII);
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.US_ASCII);
    }
}
