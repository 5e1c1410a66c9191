package org.vpspanel.agent.cgroup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reading and writing cgroup control files, with errors that name the file and the value. */
final class CgroupFiles {

    private CgroupFiles() {
    }

    static void write(Path file, String value) {
        try {
            Files.writeString(file, value, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write '" + value + "' to " + file + ": " + e.getMessage(), e);
        }
    }

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.US_ASCII).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** A single number, or -1 where the file is missing (not accounted on this host). */
    static long readNumber(Path file) {
        return Files.exists(file) ? Long.parseLong(read(file)) : -1;
    }

    /** The value after {@code key} on a "key value" line (cpu.stat, memory.stat), or -1. */
    static long readKeyed(Path file, String key) {
        if (!Files.exists(file)) {
            return -1;
        }
        for (String line : read(file).split("\n")) {
            String[] parts = line.trim().split("\\s+");
            if (parts.length == 2 && parts[0].equals(key)) {
                return Long.parseLong(parts[1]);
            }
        }
        return 0;
    }

    static void removeDirectory(Path dir) {
        try {
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove cgroup " + dir + ": " + e.getMessage(), e);
        }
    }

    /** "0-1" for two cores of a host with at least two. */
    static String firstCpus(long cpus, int cpuCount) {
        long count = Math.max(1, Math.min(cpus, cpuCount));
        return count == 1 ? "0" : "0-" + (count - 1);
    }
}
