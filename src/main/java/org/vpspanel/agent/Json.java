package org.vpspanel.agent;

import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;

/** JSON for the protocol and the agent's state files. */
public final class Json {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private Json() {
    }

    /** Reads a JSON object; anything else (or no JSON at all) is an IllegalArgumentException. */
    public static Map<String, Object> readObject(String text) {
        try {
            Map<String, Object> map = MAPPER.readValue(text, new TypeReference<Map<String, Object>>() { });
            if (map == null) {
                throw new IllegalArgumentException("expected a JSON object");
            }
            return map;
        } catch (JacksonException e) {
            throw new IllegalArgumentException("malformed JSON: " + e.getOriginalMessage());
        }
    }

    /** Reads a JSON array of objects; {@code null} (how runc writes an empty list) is an empty list. */
    public static List<Map<String, Object>> readObjects(String text) {
        try {
            List<Map<String, Object>> list = MAPPER.readValue(text, new TypeReference<List<Map<String, Object>>>() { });
            return list == null ? List.of() : list;
        } catch (JacksonException e) {
            throw new IllegalArgumentException("malformed JSON: " + e.getOriginalMessage());
        }
    }

    public static String write(Object value) {
        return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(value);
    }

    public static <T> T convert(Object value, Class<T> type) {
        return MAPPER.convertValue(value, type);
    }

    public static Map<String, Object> readFile(Path file) {
        try {
            return readObject(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes a file so that a reader (or the next agent start) sees either the old or the new content. */
    public static void writeFileAtomically(Path file, Object value) {
        try {
            Path temporary = file.resolveSibling(file.getFileName() + ".new");
            Files.writeString(temporary, write(value));
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
