package org.vpspanel.agent.network;

import org.vpspanel.resources.ResourceField;
import org.vpspanel.resources.Resources;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The socket-buffer ceilings of a partition's network namespace (OpenVZ tcpsndbuf/tcprcvbuf): the most
 * TCP may buffer per socket. net.core.rmem_max and wmem_max would cap other sockets too, but a
 * namespace other than the host's may only read them (kernel 6.18), so they stay the host's.
 */
public final class NamespaceSysctls {

    private static final long DEFAULT_TCP_RECEIVE = 131_072;
    private static final long DEFAULT_TCP_SEND = 16_384;
    private static final long MINIMUM = 4_096;

    private NamespaceSysctls() {
    }

    public static Map<String, String> render(Resources resources) {
        long buffers = resources.get(ResourceField.SOCKET_BUFFERS);
        Map<String, String> sysctl = new LinkedHashMap<>();
        sysctl.put("net.ipv4.tcp_rmem", MINIMUM + " " + Math.min(buffers, DEFAULT_TCP_RECEIVE) + " " + buffers);
        sysctl.put("net.ipv4.tcp_wmem", MINIMUM + " " + Math.min(buffers, DEFAULT_TCP_SEND) + " " + buffers);
        return sysctl;
    }
}
