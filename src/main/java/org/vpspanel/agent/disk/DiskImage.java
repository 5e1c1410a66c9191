package org.vpspanel.agent.disk;

import org.vpspanel.agent.host.Commands;
import org.vpspanel.agent.host.StepClock;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A partition's disk: a sparse image file holding an XFS filesystem of exactly the plan's size, attached
 * to a loop device and mounted where the partition's root filesystem lives. XFS because it grows while
 * mounted (ext4's online resize needs CAP_SYS_RESOURCE, which these hosts withhold). XFS has no fixed
 * inode count: the inode limit is its "maximum percent of space for inodes", chosen so that the number of
 * files allowed is the plan's inode limit rounded up to the next whole percent of the disk.
 */
public final class DiskImage {

    static final long INODE_SIZE = 512;
    /**
     * mkfs.xfs refuses filesystems under 300 MiB unless it believes it runs under xfstests, where small ones
     * are routine; the catalogue allows 64 MiB disks, which XFS mounts and grows fine.
     */
    private static final Map<String, String> SMALL_FILESYSTEMS_ALLOWED = Map.of("TEST_DIR", "1", "TEST_DEV", "1", "QA_CHECK_FS", "1");

    private final Path image;
    private final Path mountPoint;

    public DiskImage(Path image, Path mountPoint) {
        this.image = image;
        this.mountPoint = mountPoint;
    }

    public Path mountPoint() {
        return mountPoint;
    }

    /** The share of the disk XFS may give to inodes so that at least {@code inodes} files fit. */
    static int inodePercent(long bytes, long inodes) {
        long percent = (inodes * INODE_SIZE * 100 + bytes - 1) / bytes;
        return (int) Math.max(1, Math.min(100, percent));
    }

    /** Makes a new, empty filesystem and mounts it. */
    public void create(long bytes, long inodes) {
        create(bytes, inodes, null);
    }

    /**
     * Makes a new filesystem, holding what the mkfs.xfs {@code prototype} describes (none: empty), and mounts it.
     */
    public void create(long bytes, long inodes, Path prototype) {
        resizeImage(bytes);
        List<String> command = new java.util.ArrayList<>(List.of("mkfs.xfs", "-q", "-f", "-i",
                "size=" + INODE_SIZE + ",maxpct=" + inodePercent(bytes, inodes)));
        if (prototype != null) {
            command.addAll(List.of("-p", prototype.toString()));
        }
        command.add(image.toString());
        StepClock.step("mkfs", () -> Commands.run(SMALL_FILESYSTEMS_ALLOWED, command));
        mount();
    }

    public boolean exists() {
        return Files.exists(image);
    }

    /** Attaches and mounts the image unless it already is (after a host or agent restart). */
    public void mount() {
        if (isMounted()) {
            return;
        }
        try {
            Files.createDirectories(mountPoint);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String loop = StepClock.step("losetup", this::attach);
        try {
            StepClock.step("mount", () -> Commands.run("mount", "-t", "xfs", "-o", "nodev", loop, mountPoint.toString()));
        } catch (RuntimeException e) {
            Commands.attempt("losetup", "--detach", loop);
            throw e;
        }
    }

    /**
     * Attaches the image to a free loop device with direct I/O: the loop device reads and writes the image
     * without the host's page cache, so a partition's data is cached once (in its own filesystem's cache,
     * charged to its memory cgroup) rather than a second time as the image's, which no partition is charged
     * for. Where the host's disk refuses direct I/O at the loop's 512-byte sectors, buffered it is.
     */
    private String attach() {
        Commands.Result direct = Commands.attempt("losetup", "--find", "--show", "--direct-io=on", image.toString());
        if (direct.succeeded()) {
            return direct.stdout().strip();
        }
        for (String loop : loopDevices()) {
            Commands.attempt("losetup", "--detach", loop);
        }
        return Commands.run("losetup", "--find", "--show", image.toString()).strip();
    }

    public boolean isMounted() {
        return mountedDevice().isPresent();
    }

    /** "major:minor" of the loop device behind the mount, for per-device I/O limits. */
    public String device() {
        return mountedDevice().orElseThrow(() -> new IllegalStateException("the disk of " + mountPoint + " is not mounted"));
    }

    /** The device of the filesystem mounted at the mount point, from the kernel's mount table. */
    private Optional<String> mountedDevice() {
        try {
            // mountinfo: id parent major:minor root mount-point options ...
            for (String line : Files.readAllLines(Path.of("/proc/self/mountinfo"))) {
                String[] fields = line.split(" ");
                if (fields.length > 4 && fields[4].equals(mountPoint.toString())) {
                    return Optional.of(fields[2]);
                }
            }
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Grows the filesystem while mounted and sets the inode limit for the new size. */
    public void resize(long bytes, long inodes) {
        if (bytes < sizeBytes()) {
            throw new IllegalArgumentException("the disk cannot shrink (from " + sizeBytes() + " to " + bytes + " bytes)");
        }
        if (bytes > sizeBytes()) {
            resizeImage(bytes);
            Commands.run("losetup", "--set-capacity", loopDevice());
            Commands.run("xfs_growfs", "-d", mountPoint.toString());
        }
        Commands.run("xfs_growfs", "-m", Integer.toString(inodePercent(bytes, inodes)), mountPoint.toString());
    }

    public long sizeBytes() {
        try {
            return Files.size(image);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Unmounts, detaches every loop device of the image and deletes it. */
    public void delete() {
        detach();
        try {
            Files.deleteIfExists(image);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void detach() {
        if (isMounted()) {
            Commands.run("umount", mountPoint.toString());
        }
        for (String loop : loopDevices()) {
            Commands.run("losetup", "--detach", loop);
        }
    }

    private String loopDevice() {
        List<String> loops = loopDevices();
        if (loops.isEmpty()) {
            throw new IllegalStateException("the disk image " + image + " is not attached");
        }
        return loops.getFirst();
    }

    private List<String> loopDevices() {
        if (!exists()) {
            return List.of();
        }
        return Commands.run("losetup", "--noheadings", "--output", "NAME", "--associated", image.toString())
                .lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
    }

    private void resizeImage(long bytes) {
        try {
            Files.createDirectories(image.getParent());
            try (RandomAccessFile file = new RandomAccessFile(image.toFile(), "rw")) {
                file.setLength(bytes);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot size disk image " + image + ": " + e.getMessage(), e);
        }
    }
}
