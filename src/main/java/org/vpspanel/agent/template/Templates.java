package org.vpspanel.agent.template;

import org.vpspanel.agent.host.Commands;
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
import java.util.List;

/**
 * Root filesystem templates, built once into the state directory and copied into each new partition's
 * disk, then shifted to the partition's host uid range (root inside owns its files, root outside does not).
 */
public final class Templates {

    private final Path cache;

    public Templates(Path cache) {
        this.cache = cache;
    }

    /** The command a partition of this template starts as its init. */
    public static List<String> init(Template template) {
        return List.of("/sbin/init");
    }

    /** Copies the template into an empty root filesystem and gives it to the uid range starting at {@code uidBase}. */
    public void populate(Template template, Path rootfs, String hostname, long uidBase) {
        Path source = prepared(template);
        Commands.run("cp", "-a", source + "/.", rootfs.toString());
        writeFile(rootfs.resolve("etc/hostname"), hostname + "\n");
        writeFile(rootfs.resolve("etc/hosts"), "127.0.0.1 localhost\n127.0.1.1 " + hostname + "\n");
        shiftOwnership(rootfs, uidBase);
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
                case DEBIAN_12 -> throw new UnsupportedOperationException(
                        "the debian-12 template is not available on this agent yet; use busybox");
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
                    int uid = (Integer) Files.getAttribute(path, "unix:uid", LinkOption.NOFOLLOW_LINKS);
                    int gid = (Integer) Files.getAttribute(path, "unix:gid", LinkOption.NOFOLLOW_LINKS);
                    int mode = (Integer) Files.getAttribute(path, "unix:mode", LinkOption.NOFOLLOW_LINKS);
                    Files.setAttribute(path, "unix:uid", (int) (uid + uidBase), LinkOption.NOFOLLOW_LINKS);
                    Files.setAttribute(path, "unix:gid", (int) (gid + uidBase), LinkOption.NOFOLLOW_LINKS);
                    if (!Files.isSymbolicLink(path)) {
                        Files.setAttribute(path, "unix:mode", mode & 07777, LinkOption.NOFOLLOW_LINKS);
                    }
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot give " + root + " to uid " + uidBase + ": " + e.getMessage(), e);
        }
    }
}
