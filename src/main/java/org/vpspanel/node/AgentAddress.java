package org.vpspanel.node;

import java.util.Optional;
import org.vpspanel.resources.Hostnames;

/** Where a remote node's agent listens: a hostname or IPv4 address and a TCP port (8443 unless given). */
record AgentAddress(String host, int port) {

    static final int DEFAULT_PORT = 8443;
    static final String HTTPS = "https://";

    /** "host", "host:port" or an agent URL "https://host:port"; empty when it is none of these. */
    static Optional<AgentAddress> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String address = text.strip();
        if (address.startsWith(HTTPS)) {
            address = address.substring(HTTPS.length());
        }
        int colon = address.lastIndexOf(':');
        String host = colon < 0 ? address : address.substring(0, colon);
        String port = colon < 0 ? Integer.toString(DEFAULT_PORT) : address.substring(colon + 1);
        if (!port.matches("\\d{1,5}") || Integer.parseInt(port) < 1 || Integer.parseInt(port) > 65_535
                || Hostnames.problem(host).isPresent() && Ipv4.parse(host).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new AgentAddress(host, Integer.parseInt(port)));
    }

    String url() {
        return HTTPS + this;
    }

    @Override
    public String toString() {
        return host + ":" + port;
    }
}
