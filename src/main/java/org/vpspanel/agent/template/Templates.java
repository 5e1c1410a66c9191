package org.vpspanel.agent.template;

import org.vpspanel.agent.host.Commands;
import org.vpspanel.agent.host.StepClock;
import org.vpspanel.agent.spec.Template;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Root filesystem templates, built once into the state directory and copied into each new partition's
 * disk, then shifted to the partition's host uid range (root inside owns its files, root outside does not).
 */
public final class Templates {

    /** Packages on top of debootstrap's minbase: an init that needs no cgroup delegation, a shell, SSH. */
    private static final String DEBIAN_PACKAGES = "sysvinit-core,openssh-server,iproute2,procps,ifupdown,less,nano";

    private final Path cache;
    private final String debianMirror;

    public Templates(Path cache, String debianMirror) {
        this.cache = cache;
        this.debianMirror = debianMirror;
    }

    /** The command a partition of this template starts as its init. */
    public static List<String> init(Template template) {
        return List.of("/sbin/init");
    }

    /** Copies the template into an empty root filesystem and gives it to the uid range starting at {@code uidBase}. */
    public void populate(Template template, Path rootfs, String hostname, long uidBase) {
        Path source = StepClock.step("prepare", () -> prepared(template));
        StepClock.step("copy", () -> Commands.run("cp", "-a", source + "/.", rootfs.toString()));
        writeFile(rootfs.resolve("etc/hostname"), hostname + "\n");
        writeFile(rootfs.resolve("etc/hosts"), "127.0.0.1 localhost\n127.0.1.1 " + hostname + "\n");
        if (template == Template.DEBIAN_12) {
            // host keys of its own, made while the tree is still the agent's (no links of the partition's yet)
            Commands.run("ssh-keygen", "-A", "-f", rootfs.toString());
        }
        StepClock.step("chown", () -> shiftOwnership(rootfs, uidBase));
    }

    /**
     * The root filesystem as a prototype for {@code mkfs.xfs -p}: the template's tree with every owner shifted
     * to the uid range at {@code uidBase} and the partition's own /etc/hostname and /etc/hosts, so that mkfs
     * writes the files itself, with no mount, copy or chown before the filesystem is mounted. Its files go
     * into {@code workDir}; {@link Prototype#finish} completes the mounted tree. Empty for debian-12 (host
     * keys are made per partition, and its files keep their times and hard links) and for any tree a
     * prototype cannot describe (hard links, devices, names with white space, ':' or '$'): those are
     * {@link #populate}d. A prototype gives every file the time of mkfs.
     */
    public Optional<Prototype> prototype(Template template, String hostname, long uidBase, Path workDir) {
        if (template == Template.DEBIAN_12) {
            return Optional.empty();
        }
        Path source = prepared(template);
        Object built = builtKey(source);
        Described described = prototypes.compute(template, (t, known) ->
                known != null && known.built().equals(built) ? known : new Described(built, Optional.ofNullable(describe(source, ""))));
        Optional<Entry> tree = described.tree();
        if (tree.isEmpty()) {
            return Optional.empty();
        }
        try {
            Files.createDirectories(workDir);
            Path hostnameFile = workDir.resolve("rootfs.hostname");
            Path hostsFile = workDir.resolve("rootfs.hosts");
            Files.writeString(hostnameFile, hostname + "\n");
            Files.writeString(hostsFile, "127.0.0.1 localhost\n127.0.1.1 " + hostname + "\n");
            Entry root = tree.get().withFile("etc", "hostname", hostnameFile).withFile("etc", "hosts", hostsFile);
            if (root == null) {
                return Optional.empty();
            }
            StringBuilder text = new StringBuilder("vps-agent\n0 0\n");
            List<String> sticky = new ArrayList<>();
            root.render(text, uidBase, "", sticky); // the root's closing '$' ends the prototype
            Path file = workDir.resolve("rootfs.proto");
            Files.writeString(file, text);
            return Optional.of(new Prototype(file, List.of(file, hostnameFile, hostsFile), sticky));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the prototype of " + template.id() + ": " + e.getMessage(), e);
        }
    }

    /** Each template's tree as read once, with the identity of the template directory it was read from. */
    private final Map<Template, Described> prototypes = new ConcurrentHashMap<>();

    private record Described(Object built, Optional<Entry> tree) {
    }

    /** The template directory's inode: a template built again is read again. */
    private static Object builtKey(Path source) {
        try {
            return Files.readAttributes(source, BasicFileAttributes.class).fileKey();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A prototype file for mkfs.xfs -p, the files it names, and the paths whose sticky bit it cannot carry. */
    public record Prototype(Path file, List<Path> files, List<String> stickyPaths) {

        /** What mkfs could not set: sticky bits (its modes have three octal digits). */
        public void finish(Path rootfs) {
            for (String path : stickyPaths) {
                Path target = rootfs.resolve(path);
                try {
                    int mode = (Integer) Files.getAttribute(target, "unix:mode", LinkOption.NOFOLLOW_LINKS);
                    Files.setAttribute(target, "unix:mode", (mode & 07777) | 01000, LinkOption.NOFOLLOW_LINKS);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot set the sticky bit of " + target + ": " + e.getMessage(), e);
                }
            }
        }

        public void deleteFiles() {
            for (Path file : files) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException ignored) {
                    // in the partition's directory, which goes with the partition
                }
            }
        }
    }

    /** One file of a template: type, mode, owner, content (a host path) or link target, children by name. */
    private record Entry(char type, int mode, int uid, int gid, String content, Map<String, Entry> children) {

        /** This tree with {@code dir/name} a regular file of {@code content} (mode and owner kept if it exists). */
        Entry withFile(String dir, String name, Path content) {
            Entry parent = children.get(dir);
            if (parent == null || parent.type != 'd' || !plain(content.toString())) {
                return null;
            }
            Entry existing = parent.children.get(name);
            if (existing != null && existing.type != '-') {
                return null;
            }
            Entry file = existing != null ? new Entry('-', existing.mode, existing.uid, existing.gid, content.toString(), Map.of())
                    : new Entry('-', 0644, 0, 0, content.toString(), Map.of());
            Map<String, Entry> files = new TreeMap<>(parent.children);
            files.put(name, file);
            Map<String, Entry> top = new TreeMap<>(children);
            top.put(dir, new Entry(parent.type, parent.mode, parent.uid, parent.gid, null, files));
            return new Entry(type, mode, uid, gid, this.content, top);
        }

        void render(StringBuilder text, long uidBase, String path, List<String> sticky) {
            text.append(type).append((mode & 04000) != 0 ? 'u' : '-').append((mode & 02000) != 0 ? 'g' : '-')
                    .append(String.format("%03o", mode & 0777)).append(' ').append(uid + uidBase).append(' ').append(gid + uidBase);
            if ((mode & 01000) != 0) {
                sticky.add(path.isEmpty() ? "." : path);
            }
            if (type != 'd') {
                text.append(' ').append(content).append('\n');
                return;
            }
            text.append('\n');
            for (Map.Entry<String, Entry> child : children.entrySet()) {
                text.append(child.getKey()).append(' ');
                child.getValue().render(text, uidBase, path.isEmpty() ? child.getKey() : path + "/" + child.getKey(), sticky);
            }
            text.append("$\n");
        }
    }

    /** The tree at {@code path}, or null when a prototype cannot describe some of it. */
    private static Entry describe(Path path, String name) {
        try {
            if (!name.isEmpty() && !plain(name)) {
                return null;
            }
            Map<String, Object> a = Files.readAttributes(path, "unix:mode,uid,gid,nlink", LinkOption.NOFOLLOW_LINKS);
            int mode = (Integer) a.get("mode");
            int uid = (Integer) a.get("uid");
            int gid = (Integer) a.get("gid");
            switch (mode & 0170000) {
                case 0040000 -> {
                    Map<String, Entry> children = new TreeMap<>();
                    try (var list = Files.list(path)) {
                        for (Path child : list.toList()) {
                            Entry entry = describe(child, child.getFileName().toString());
                            if (entry == null) {
                                return null;
                            }
                            children.put(child.getFileName().toString(), entry);
                        }
                    }
                    return new Entry('d', mode & 07777, uid, gid, null, children);
                }
                case 0100000 -> {
                    boolean hardLinked = (Integer) a.get("nlink") != 1;
                    return hardLinked || !plain(path.toString()) ? null : new Entry('-', mode & 07777, uid, gid, path.toString(), Map.of());
                }
                case 0120000 -> {
                    String target = Files.readSymbolicLink(path).toString();
                    return plain(target) ? new Entry('l', 0777, uid, gid, target, Map.of()) : null;
                }
                default -> {
                    return null; // devices, pipes, sockets
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read template file " + path + ": " + e.getMessage(), e);
        }
    }

    /** A token mkfs.xfs reads back as it is: no white space, no comment (':'), no end of directory ('$'). */
    private static boolean plain(String token) {
        return !token.isEmpty() && token.chars().noneMatch(c -> Character.isWhitespace(c) || c == ':' || c == '$' || c < 32);
    }

    private synchronized Path prepared(Template template) {
        Path ready = cache.resolve(template.id());
        if (Files.isDirectory(ready)) {
            return ready;
        }
        Path building = cache.resolve(template.id() + ".building");
        Commands.run("rm", "-rf", "--one-file-system", building.toString());
        try {
            Files.createDirectories(building);
            switch (template) {
                case BUSYBOX -> buildBusybox(building);
                case DEBIAN_12 -> buildDebian(building);
            }
            Files.move(building, ready, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot build template " + template.id() + ": " + e.getMessage(), e);
        }
        return ready;
    }

    /** A minimal system from Debian's static busybox: its init runs /etc/init.d/rcS, then waits. */
    private static void buildBusybox(Path root) throws IOException {
        for (String dir : List.of("bin", "sbin", "usr/bin", "usr/sbin", "etc/init.d", "proc", "sys", "dev", "root",
                "run", "var/log", "tmp")) {
            Files.createDirectories(root.resolve(dir));
        }
        Files.setPosixFilePermissions(root.resolve("tmp"), PosixFilePermissions.fromString("rwxrwxrwx"));
        Files.setAttribute(root.resolve("tmp"), "unix:mode", 01777);
        Files.setPosixFilePermissions(root.resolve("root"), PosixFilePermissions.fromString("rwx------"));
        Files.copy(Path.of("/bin/busybox"), root.resolve("bin/busybox"));
        for (String applet : Commands.run("/bin/busybox", "--list-full").lines().map(String::strip).toList()) {
            Path link = root.resolve(applet);
            if (!applet.isEmpty() && !Files.exists(link, LinkOption.NOFOLLOW_LINKS)) {
                Files.createSymbolicLink(link, Path.of("/bin/busybox"));
            }
        }
        writeFile(root.resolve("etc/passwd"), "root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/nonexistent:/bin/false\n");
        writeFile(root.resolve("etc/group"), "root:x:0:\ntty:x:5:\nnogroup:x:65534:\n");
        writeFile(root.resolve("etc/shadow"), "root:*:19000:0:99999:7:::\nnobody:*:19000:0:99999:7:::\n");
        Files.setPosixFilePermissions(root.resolve("etc/shadow"), PosixFilePermissions.fromString("rw-------"));
        writeFile(root.resolve("etc/inittab"), "::sysinit:/etc/init.d/rcS\n");
        writeFile(root.resolve("etc/init.d/rcS"), "#!/bin/sh\nip link set lo up 2>/dev/null\n[ -x /etc/rc.local ] && /etc/rc.local\nexit 0\n");
        Files.setPosixFilePermissions(root.resolve("etc/init.d/rcS"), PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    /**
     * Debian 12 by debootstrap from the configured mirror, with sysvinit: no gettys (a partition has no
     * terminals), SIGPWR shuts down, loopback only in ifupdown (the agent sets eth0 from the host), and no
     * SSH host keys (each partition gets its own).
     */
    private void buildDebian(Path root) throws IOException {
        Commands.run(List.of("debootstrap", "--variant=minbase", "--include=" + DEBIAN_PACKAGES, "bookworm",
                root.toString(), debianMirror), Duration.ofMinutes(30));
        Path inittab = root.resolve("etc/inittab");
        String withoutGettys = Files.readAllLines(inittab).stream().filter(line -> !line.matches("^[0-9]+:.*getty.*"))
                .filter(line -> !line.startsWith("pf::")).collect(Collectors.joining("\n"));
        writeFile(inittab, withoutGettys + "\npf::powerwait:/sbin/shutdown -t1 -a -h now\n");
        writeFile(root.resolve("etc/network/interfaces"), "auto lo\niface lo inet loopback\n");
        // runc gives every partition its own /dev; debootstrap's device nodes have no use there
        Commands.run("find", root.resolve("dev").toString(), "-mindepth", "1", "-delete");
        try (var keys = Files.newDirectoryStream(root.resolve("etc/ssh"), "ssh_host_*")) {
            for (Path key : keys) {
                Files.delete(key);
            }
        }
        Commands.run("rm", "-rf", "--one-file-system", root.resolve("var/cache/apt/archives").toString() + "/", root.resolve("var/lib/apt/lists").toString() + "/");
    }

    private static void writeFile(Path file, String content) {
        try {
            Files.writeString(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Adds {@code uidBase} to every owner and group, keeping modes (chown clears set-uid bits). */
    static void shiftOwnership(Path root, long uidBase) {
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                    shift(dir);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    shift(file);
                    return FileVisitResult.CONTINUE;
                }

                private void shift(Path path) throws IOException {
                    // one stat, two lchowns; a chmod only where chown cleared set-uid or set-gid bits
                    Map<String, Object> attributes = Files.readAttributes(path, "unix:uid,gid,mode", LinkOption.NOFOLLOW_LINKS);
                    int mode = (Integer) attributes.get("mode");
                    Files.setAttribute(path, "unix:uid", (int) ((Integer) attributes.get("uid") + uidBase), LinkOption.NOFOLLOW_LINKS);
                    Files.setAttribute(path, "unix:gid", (int) ((Integer) attributes.get("gid") + uidBase), LinkOption.NOFOLLOW_LINKS);
                    boolean symbolicLink = (mode & 0170000) == 0120000;
                    if (!symbolicLink && (mode & 06000) != 0) {
                        Files.setAttribute(path, "unix:mode", mode & 07777, LinkOption.NOFOLLOW_LINKS);
                    }
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot give " + root + " to uid " + uidBase + ": " + e.getMessage(), e);
        }
    }
}
