package org.vpspanel.agent.partition;

import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Pattern;

/**
 * How an agent names and keeps things.
 *
 * @param prefix   starts the name of every host object the agent makes (cgroups, netns, links, nft table,
 *                 runc containers); short, because interface names have at most 15 characters
 * @param debianMirror where the debian-12 template is bootstrapped from
 * @param uidBase  first host uid given to partitions; partition n maps root inside to uidBase + n * 65536
 */
public record AgentConfig(Path stateDir, String prefix, Path socket, long uidBase, Duration stopTimeout, String debianMirror) {

    public static final long UIDS_PER_PARTITION = 65_536;
    private static final Pattern PREFIX = Pattern.compile("[a-z][a-z0-9]{1,7}");

    public AgentConfig {
        if (!PREFIX.matcher(prefix).matches()) {
            throw new IllegalArgumentException("--prefix must be 2-8 of a-z, 0-9, starting with a letter, not '" + prefix + "'");
        }
        if (uidBase < UIDS_PER_PARTITION || uidBase % UIDS_PER_PARTITION != 0) {
            throw new IllegalArgumentException("--uid-base must be a positive multiple of 65536");
        }
    }

    /** Where the agent's short-lived files go (commands' output and input, nft rulesets): never /tmp. */
    public Path scratchDir() {
        return stateDir.resolve("tmp");
    }

    public static AgentConfig defaults() {
        return new AgentConfig(Path.of("/var/lib/vpspanel-agent"), "vps", Path.of("/run/vpspanel-agent.sock"),
                1L << 20 << 6, Duration.ofSeconds(10), "http://deb.debian.org/debian");
    }
}
