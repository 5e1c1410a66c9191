package org.vpspanel.agent.protocol;

import org.vpspanel.agent.tls.EnrollmentTokens;
import org.vpspanel.agent.tls.Fingerprints;
import org.vpspanel.agent.TlsIdentity;
import org.vpspanel.agent.tls.TrustedPanels;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Who may use the agent over TCP, and how a panel becomes one of them.
 * <pre>
 * POST   /v1/trust/tokens          (local socket) {"address": "host:port", "validSeconds": 3600} -> a one-time enrollment token
 * GET    /v1/trust                 (local socket) the trusted panels
 * DELETE /v1/trust/{fingerprint}   (local socket) stop trusting a panel: its next request is refused
 * POST   /v1/trust                 (TCP, any client certificate) {"token": id, "proof": ...}: trust the
 *                                  certificate this connection presents, if the proof is right
 * </pre>
 * Over TCP everything else needs a trusted client certificate; trust itself is managed only on the agent's own
 * machine, so that a trusted panel cannot let others in.
 */
public final class TrustApi {

    private static final System.Logger LOG = System.getLogger("vps-agent");
    private static final String TRUST = "/v1/trust";
    private static final int MAX_VALID_SECONDS = 7 * 24 * 3600;

    private final TrustedPanels panels;
    private final EnrollmentTokens tokens;
    /** The fingerprint of the agent's own certificate; null when it does not listen on TCP. */
    private final String agentFingerprint;
    /** Where the agent listens on TCP, as the token's address hint when vpsctl gives none. */
    private final String listenAddress;

    private TrustApi(TrustedPanels panels, EnrollmentTokens tokens, String agentFingerprint, String listenAddress) {
        this.panels = panels;
        this.tokens = tokens;
        this.agentFingerprint = agentFingerprint;
        this.listenAddress = listenAddress;
    }

    /**
     * The trusted panels and outstanding tokens kept in {@code dir} (made root-only), for an agent with this
     * TCP identity and address (both null when it does not listen on TCP).
     */
    public static TrustApi keptIn(Path dir, TlsIdentity agent, String listenAddress) {
        try {
            Files.createDirectories(dir);
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make " + dir + ": " + e.getMessage(), e);
        }
        return new TrustApi(new TrustedPanels(dir.resolve("trusted-panels.json")),
                new EnrollmentTokens(dir.resolve("enrollment-tokens.json"), Clock.systemUTC()),
                agent == null ? null : agent.fingerprint(), listenAddress);
    }

    static boolean isTrustPath(String path) {
        return path.equals(TRUST) || path.startsWith(TRUST + "/");
    }

    /**
     * For a request over TCP from a client with this certificate: null when it may go on to the agent's API,
     * or the refusal.
     */
    AgentApi.Reply refusal(String path, String clientFingerprint) {
        if (!panels.contains(clientFingerprint)) {
            return AgentApi.error(403, null, "this panel (certificate " + clientFingerprint + ") is not enrolled with this agent: "
                    + "add the node in the panel with a token from vpsctl enroll");
        }
        if (isTrustPath(path)) {
            return AgentApi.error(403, null, "trust is managed only on the agent's machine (vpsctl trust)");
        }
        return null;
    }

    static boolean isEnrollment(String method, String path) {
        return method.equals("POST") && path.equals(TRUST);
    }

    /** Enrolls the client whose certificate this TCP connection presented. */
    AgentApi.Reply enroll(String clientFingerprint, String clientSubject, String from, String body) {
        return AgentApi.guarded("POST", TRUST, () -> {
            Map<String, Object> request = AgentApi.object(body);
            Bodies.allowOnly(request, Set.of("token", "proof"));
            String id = Bodies.requiredString(request, "token", 64);
            String proof = Bodies.requiredString(request, "proof", 256);
            try {
                tokens.redeem(id, clientFingerprint, proof);
            } catch (EnrollmentTokens.RefusedException e) {
                LOG.log(System.Logger.Level.WARNING, "refused to enroll " + clientFingerprint + " from " + from + ": " + e.getMessage());
                throw new ApiException(403, "token", e.getMessage());
            }
            panels.add(clientFingerprint, clientSubject, from);
            LOG.log(System.Logger.Level.INFO, "enrolled the panel " + clientFingerprint + " (" + clientSubject + ") from " + from);
            return new AgentApi.Reply(200, Map.of("trusted", clientFingerprint, "agent", agentFingerprint));
        });
    }

    /** A request about trust on the local socket. */
    AgentApi.Reply handleLocal(String method, String path, String body) {
        return AgentApi.guarded(method, path, () -> {
            if (path.equals(TRUST + "/tokens")) {
                AgentApi.requireMethod(method, "POST");
                return issueToken(body == null || body.isBlank() ? Map.of() : AgentApi.object(body));
            }
            if (path.equals(TRUST)) {
                return switch (method) {
                    case "GET" -> new AgentApi.Reply(200, panels.list());
                    case "POST" -> throw new ApiException(400, null, "a panel enrolls over TLS, with the certificate it will use");
                    default -> throw new ApiException(405, null, method + " is not allowed here; use GET");
                };
            }
            AgentApi.requireMethod(method, "DELETE");
            String fingerprint;
            try {
                fingerprint = Fingerprints.normalize(path.substring(TRUST.length() + 1));
            } catch (IllegalArgumentException e) {
                throw new ApiException(400, "fingerprint", e.getMessage());
            }
            if (!panels.remove(fingerprint)) {
                throw new ApiException(404, "fingerprint", "no trusted panel has the certificate " + fingerprint);
            }
            LOG.log(System.Logger.Level.INFO, "no longer trusts the panel " + fingerprint);
            return new AgentApi.Reply(200, Map.of("removed", fingerprint));
        });
    }

    private AgentApi.Reply issueToken(Map<String, Object> request) {
        Bodies.allowOnly(request, Set.of("address", "validSeconds"));
        if (agentFingerprint == null) {
            throw new ApiException(409, null, "this agent does not listen on TCP: start it with --listen ADDRESS:PORT first");
        }
        String address = request.containsKey("address") ? Bodies.requiredString(request, "address", 255) : listenAddress;
        int validSeconds = Bodies.seconds(request, "validSeconds", 3600, 1, MAX_VALID_SECONDS);
        EnrollmentTokens.Issued issued;
        try {
            issued = tokens.issue(address, agentFingerprint, Duration.ofSeconds(validSeconds));
        } catch (IllegalArgumentException e) {
            throw new ApiException(400, "address", e.getMessage());
        }
        Map<String, Object> reply = new LinkedHashMap<>();
        reply.put("token", issued.token().encode());
        reply.put("address", address);
        reply.put("fingerprint", agentFingerprint);
        reply.put("expiresAt", issued.expiresAt().toString());
        return new AgentApi.Reply(201, reply);
    }
}
