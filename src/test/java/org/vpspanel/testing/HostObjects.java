package org.vpspanel.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.vpspanel.agent.host.Commands;
import org.vpspanel.agent.network.NftRuleset;

/**
 * The host objects a test agent makes, found and removed by its prefix and state directory only, so that
 * tests leave nothing behind and touch nothing of anyone else's.
 */
public final class HostObjects {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";

    private HostObjects() {
    }

    /** A prefix of its own for a test's host objects: {@code start} and four random characters. */
    public static String newPrefix(String start) {
        StringBuilder prefix = new StringBuilder(start);
        for (int i = 0; i < 4; i++) {
            prefix.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return prefix.toString();
    }

    /**
     * A network namespace "{prefix}-out" that plays the outside world on the agent's bridge: its eth0 (the
     * other end is "{prefix}o0" in the bridge) has {@code address} (a.b.c.d/len), usually the pool's gateway.
     * Removing the namespace removes both ends; the sweep removes whatever a failed test left.
     */
    public static String outsideNamespace(String prefix, String address) {
        String namespace = prefix + "-out";
        String link = prefix + "o0";
        Commands.run("ip", "netns", "add", namespace);
        Commands.run("ip", "link", "add", link, "type", "veth", "peer", "name", "eth0", "netns", namespace);
        Commands.run("ip", "link", "set", link, "master", prefix + "br0", "up");
        Commands.run("ip", "-n", namespace, "addr", "add", address, "dev", "eth0");
        Commands.run("ip", "-n", namespace, "link", "set", "eth0", "up");
        Commands.run("ip", "-n", namespace, "link", "set", "lo", "up");
        return namespace;
    }

    /** Every host object with the prefix (or under the state directory) that still exists. */
    public static List<String> leftovers(String prefix, Path stateDir) throws IOException {
        List<String> left = new ArrayList<>();
        try (Stream<Path> hierarchies = Files.list(Path.of("/sys/fs/cgroup"))) {
            for (Path hierarchy : hierarchies.toList()) {
                try (Stream<Path> groups = Files.list(hierarchy)) {
                    groups.filter(g -> g.getFileName().toString().startsWith(prefix)).forEach(g -> left.add("cgroup " + g));
                }
            }
        }
        Commands.run("ip", "netns", "list").lines().filter(line -> line.startsWith(prefix)).forEach(ns -> left.add("netns " + ns));
        try (Stream<Path> links = Files.list(Path.of("/sys/class/net"))) {
            links.map(l -> l.getFileName().toString()).filter(l -> l.startsWith(prefix)).forEach(l -> left.add("link " + l));
        }
        Commands.run("nft", "list", "tables").lines().filter(line -> line.endsWith(" " + prefix)).forEach(t -> left.add("nft " + t));
        Commands.run("losetup", "--list", "--noheadings", "--output", "NAME,BACK-FILE").lines()
                .filter(line -> line.contains(stateDir.toString())).forEach(l -> left.add("loop " + l.strip()));
        Files.readAllLines(Path.of("/proc/mounts")).stream().filter(line -> line.contains(stateDir.toString()))
                .forEach(m -> left.add("mount " + m));
        if (Files.isDirectory(stateDir.resolve("partitions"))) {
            try (Stream<Path> dirs = Files.list(stateDir.resolve("partitions"))) {
                dirs.forEach(d -> left.add("directory " + d));
            }
        }
        return left;
    }

    /** Removes every host object with the prefix or under the state directory, and the directory itself. */
    public static void sweep(String prefix, Path stateDir) throws IOException {
        Path runcRoot = stateDir.resolve("runc");
        if (Files.isDirectory(runcRoot)) {
            try (Stream<Path> containers = Files.list(runcRoot)) {
                containers.forEach(c -> Commands.attempt("runc", "--root", runcRoot.toString(), "delete", "--force", c.getFileName().toString()));
            }
        }
        for (String mount : Files.readAllLines(Path.of("/proc/mounts"))) {
            String target = mount.split(" ")[1];
            if (target.startsWith(stateDir.toString())) {
                Commands.attempt("umount", "-l", target);
            }
        }
        Commands.run("losetup", "--list", "--noheadings", "--output", "NAME,BACK-FILE").lines()
                .filter(line -> line.contains(stateDir.toString()))
                .forEach(line -> Commands.attempt("losetup", "--detach", line.strip().split("\\s+")[0]));
        Commands.run("ip", "netns", "list").lines().filter(line -> line.startsWith(prefix))
                .forEach(ns -> Commands.attempt("ip", "netns", "delete", ns.split(" ")[0]));
        try (Stream<Path> links = Files.list(Path.of("/sys/class/net"))) {
            links.map(l -> l.getFileName().toString()).filter(l -> l.startsWith(prefix))
                    .forEach(l -> Commands.attempt("ip", "link", "delete", l));
        }
        Path rules = Files.createTempFile(prefix, ".nft");
        Files.writeString(rules, NftRuleset.renderRemoval(prefix));
        Commands.attempt("nft", "-f", rules.toString());
        Files.delete(rules);
        try (Stream<Path> hierarchies = Files.list(Path.of("/sys/fs/cgroup"))) {
            for (Path hierarchy : hierarchies.toList()) {
                try (Stream<Path> groups = Files.list(hierarchy)) {
                    groups.filter(g -> g.getFileName().toString().startsWith(prefix)).forEach(g -> g.toFile().delete());
                }
            }
        }
        if (Files.readAllLines(Path.of("/proc/mounts")).stream().noneMatch(m -> m.contains(stateDir.toString()))) {
            Commands.attempt("rm", "-rf", "--one-file-system", stateDir.toString());
        }
    }
}
