package org.vpspanel.agent.cli;

import org.vpspanel.resources.ResourceField;
import org.vpspanel.resources.Units;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** vpsctl's readable renderings of the agent's answers. */
final class Tables {

    private Tables() {
    }

    static String partitions(Object answer) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("ID", "STATE", "HOSTNAME", "TEMPLATE", "IPV4", "MEMORY", "CPU LIMIT", "DISK"));
        for (Object item : (List<?>) answer) {
            Map<?, ?> partition = (Map<?, ?>) item;
            Map<?, ?> spec = (Map<?, ?>) partition.get("spec");
            Map<?, ?> resources = (Map<?, ?>) spec.get("resources");
            rows.add(List.of(text(partition.get("id")), text(partition.get("state")), text(spec.get("hostname")),
                    text(spec.get("template")), text(spec.get("ipv4")), human(ResourceField.MEMORY, resources),
                    human(ResourceField.CPU_LIMIT, resources), human(ResourceField.DISK, resources)));
        }
        return render(rows);
    }

    static String trustedPanels(Object answer) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("FINGERPRINT (SHA-256)", "CERTIFICATE", "ENROLLED", "FROM"));
        for (Object item : (List<?>) answer) {
            Map<?, ?> panel = (Map<?, ?>) item;
            rows.add(List.of(text(panel.get("fingerprint")), text(panel.get("subject")), text(panel.get("enrolledAt")),
                    text(panel.get("from"))));
        }
        return render(rows);
    }

    static String status(Object answer) {
        Map<?, ?> partition = (Map<?, ?>) answer;
        Map<?, ?> spec = (Map<?, ?>) partition.get("spec");
        Map<?, ?> resources = (Map<?, ?>) spec.get("resources");
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("id", text(partition.get("id"))));
        rows.add(List.of("state", text(partition.get("state"))));
        for (String field : List.of("hostname", "template", "ipv4", "gateway", "autostart")) {
            rows.add(List.of(field, text(spec.get(field))));
        }
        for (ResourceField field : ResourceField.values()) {
            rows.add(List.of(field.flag().substring(2), human(field, resources)));
        }
        List<?> pending = (List<?>) partition.get("pendingRestart");
        if (!pending.isEmpty()) {
            rows.add(List.of("pending restart", String.join(", ", pending.stream().map(Object::toString).toList())));
        }
        return render(rows);
    }

    static String usage(Object answer) {
        Map<?, ?> usage = (Map<?, ?>) answer;
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("cpu time", String.format(java.util.Locale.ROOT, "%.2f s", number(usage, "cpuNanos") / 1e9)));
        rows.add(List.of("memory", size(usage, "memoryBytes")));
        rows.add(List.of("swap", size(usage, "swapBytes")));
        rows.add(List.of("processes", Long.toString(number(usage, "processes"))));
        rows.add(List.of("disk", size(usage, "diskBytesUsed") + " of " + size(usage, "diskBytesTotal")));
        rows.add(List.of("inodes", number(usage, "inodesUsed") + " of " + number(usage, "inodesTotal")));
        rows.add(List.of("disk read", size(usage, "diskReadBytes") + " in " + number(usage, "diskReadOps") + " ops"));
        rows.add(List.of("disk written", size(usage, "diskWriteBytes") + " in " + number(usage, "diskWriteOps") + " ops"));
        rows.add(List.of("network in", size(usage, "netBytesIn") + " in " + number(usage, "netPacketsIn") + " packets"));
        rows.add(List.of("network out", size(usage, "netBytesOut") + " in " + number(usage, "netPacketsOut") + " packets"));
        return render(rows);
    }

    private static long number(Map<?, ?> map, String key) {
        return ((Number) map.get(key)).longValue();
    }

    private static String size(Map<?, ?> map, String key) {
        long value = number(map, key);
        return value < 0 ? "not accounted" : Units.humanSize(value);
    }

    private static String human(ResourceField field, Map<?, ?> resources) {
        Object value = resources.get(field.fieldName());
        return value == null ? "-" : field.humanize(field.parse(value.toString()));
    }

    /** A value as text; a list (a partition's addresses) comma-separated, as --ip takes it. */
    private static String text(Object value) {
        return value == null ? "-" : value instanceof List<?> list
                ? String.join(",", list.stream().map(Object::toString).toList()) : value.toString();
    }

    /** Left-aligned columns, two spaces apart. */
    static String render(List<List<String>> rows) {
        int columns = rows.getFirst().size();
        int[] widths = new int[columns];
        for (List<String> row : rows) {
            for (int c = 0; c < columns; c++) {
                widths[c] = Math.max(widths[c], row.get(c).length());
            }
        }
        StringBuilder text = new StringBuilder();
        for (List<String> row : rows) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < columns; c++) {
                line.append(c == columns - 1 ? row.get(c) : String.format("%-" + (widths[c] + 2) + "s", row.get(c)));
            }
            text.append(line.toString().stripTrailing()).append('\n');
        }
        return text.toString();
    }
}
