package org.vpspanel.agent.partition;

import org.vpspanel.agent.Json;
import org.vpspanel.agent.spec.PartitionSpec;
import org.vpspanel.agent.spec.SpecJson;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/** The agent's state directory: one directory per partition with its spec, record, bundle and disk. */
final class PartitionFiles {

    private final Path partitions;

    PartitionFiles(Path stateDir) {
        this.partitions = stateDir.resolve("partitions");
    }

    Path dir(String id) {
        return partitions.resolve(id);
    }

    Path bundle(String id) {
        return dir(id).resolve("bundle");
    }

    Path rootfs(String id) {
        return bundle(id).resolve("rootfs");
    }

    Path diskImage(String id) {
        return dir(id).resolve("disk.img");
    }

    Path consoleLog(String id) {
        return dir(id).resolve("console.log");
    }

    boolean exists(String id) {
        return Files.exists(dir(id).resolve("record.json"));
    }

    List<String> ids() {
        if (!Files.isDirectory(partitions)) {
            return List.of();
        }
        try (Stream<Path> dirs = Files.list(partitions)) {
            return dirs.filter(dir -> Files.exists(dir.resolve("record.json"))).map(dir -> dir.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    PartitionRecord record(String id) {
        return Json.convert(Json.readFile(dir(id).resolve("record.json")), PartitionRecord.class);
    }

    void saveRecord(String id, PartitionRecord record) {
        try {
            Files.createDirectories(dir(id));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Json.writeFileAtomically(dir(id).resolve("record.json"), record);
    }

    /** The record, or empty where there is none (also where a destroy removes it while this reads). */
    Optional<PartitionRecord> recordIfAny(String id) {
        Path file = dir(id).resolve("record.json");
        try {
            return Files.exists(file) ? Optional.of(Json.convert(Json.readFile(file), PartitionRecord.class)) : Optional.empty();
        } catch (RuntimeException unreadable) {
            if (Files.exists(file)) {
                throw unreadable;
            }
            return Optional.empty();
        }
    }

    Optional<PartitionSpec> spec(String id) {
        Path file = dir(id).resolve("spec.json");
        return Files.exists(file) ? Optional.of(SpecJson.read(id, Json.readFile(file))) : Optional.empty();
    }

    void saveSpec(PartitionSpec spec) {
        Json.writeFileAtomically(dir(spec.id()).resolve("spec.json"), SpecJson.write(spec));
    }

    void saveConfig(String id, Map<String, Object> config) {
        Json.writeFileAtomically(bundle(id).resolve("config.json"), config);
    }

    /** The lowest ordinal no partition uses; ordinals start at 1. */
    int freeOrdinal() {
        List<Integer> used = new ArrayList<>();
        for (String id : ids()) {
            used.add(record(id).ordinal());
        }
        int ordinal = 1;
        while (used.contains(ordinal)) {
            ordinal++;
        }
        return ordinal;
    }

    /** Removes the partition's directory; its disk must be unmounted first, so nothing outside is reached. */
    void delete(String id) {
        Path dir = dir(id);
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + dir + ": " + e.getMessage(), e);
        }
    }
}
