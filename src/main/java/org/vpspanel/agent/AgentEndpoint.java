package org.vpspanel.agent;


import java.nio.file.Path;

/** Where an agent is reached: its Unix socket on this machine, or its TLS port on another. */
public sealed interface AgentEndpoint {

    /** For messages: where the agent is. */
    String describe();

    /** The agent's socket; only root and its group may use it. */
    record Local(Path socket) implements AgentEndpoint {
        @Override
        public String describe() {
            return socket.toString();
        }
    }

    /**
     * An agent on another machine: the client presents {@code client} and accepts only the agent certificate
     * with the fingerprint {@code agentFingerprint}.
     */
    record Remote(String host, int port, TlsIdentity client, String agentFingerprint) implements AgentEndpoint {
        @Override
        public String describe() {
            return hostAndPort();
        }

        public String hostAndPort() {
            return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
        }
    }
}
