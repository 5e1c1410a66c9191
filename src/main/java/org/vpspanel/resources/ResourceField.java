package org.vpspanel.resources;

import java.util.Locale;
import java.util.Optional;

/**
 * Every resource a plan controls, in the order of ../shared/RESOURCES.md, with its unit, bounds and default.
 * For fields where {@link #zeroMeansUnlimited()} holds, 0 is allowed besides [min, max] and lifts the limit.
 */
public enum ResourceField {
    CPUS("cpus", "CPU cores", Kind.COUNT, 1, 256, 1, false),
    CPU_LIMIT("cpuLimit", "CPU limit (% of one core)", Kind.PERCENT, 10, 25_600, 100, true),
    CPU_WEIGHT("cpuWeight", "CPU weight", Kind.COUNT, 1, 10_000, 100, false),
    MEMORY("memory", "Memory", Kind.SIZE, 16 * Kind.MIB, 4 * Kind.TIB, 512 * Kind.MIB, false),
    SWAP("swap", "Swap", Kind.SIZE, 0, 4 * Kind.TIB, 0, false),
    MEMORY_GUARANTEE("memoryGuarantee", "Memory guarantee", Kind.SIZE, 0, 4 * Kind.TIB, 0, false),
    DISK("disk", "Disk", Kind.SIZE, 64 * Kind.MIB, 64 * Kind.TIB, 10 * Kind.GIB, false),
    DISK_INODES("diskInodes", "Disk inodes", Kind.COUNT, 1_000, 4_000_000_000L, 655_360, false),
    IO_READ_BPS("ioReadBps", "Disk read bandwidth", Kind.SIZE, 64 * Kind.KIB, 100 * Kind.GIB, 0, true),
    IO_WRITE_BPS("ioWriteBps", "Disk write bandwidth", Kind.SIZE, 64 * Kind.KIB, 100 * Kind.GIB, 0, true),
    IO_READ_IOPS("ioReadIops", "Disk read IOPS", Kind.COUNT, 10, 10_000_000, 0, true),
    IO_WRITE_IOPS("ioWriteIops", "Disk write IOPS", Kind.COUNT, 10, 10_000_000, 0, true),
    IO_WEIGHT("ioWeight", "Disk I/O weight", Kind.COUNT, 10, 1_000, 100, false),
    NET_EGRESS("netEgress", "Outbound bandwidth", Kind.RATE, 64_000, 100_000_000_000L, 100_000_000, true),
    NET_INGRESS("netIngress", "Inbound bandwidth", Kind.RATE, 64_000, 100_000_000_000L, 100_000_000, true),
    MONTHLY_TRAFFIC("monthlyTraffic", "Monthly traffic", Kind.SIZE, Kind.GIB, 1024 * Kind.TIB, Kind.TIB, true),
    IPV4_ADDRESSES("ipv4Addresses", "IPv4 addresses", Kind.COUNT, 0, 256, 1, false),
    PROCESSES("processes", "Processes", Kind.COUNT, 16, 4_194_304, 512, false),
    OPEN_FILES("openFiles", "Open files per process", Kind.COUNT, 64, 1_048_576, 1_024, false),
    LOCKED_MEMORY("lockedMemory", "Locked memory", Kind.SIZE, 0, 4 * Kind.TIB, 8 * Kind.MIB, false),
    SHARED_MEMORY("sharedMemory", "Shared memory", Kind.SIZE, 0, 4 * Kind.TIB, 64 * Kind.MIB, false),
    SOCKET_BUFFERS("socketBuffers", "Socket buffers", Kind.SIZE, 4 * Kind.KIB, Kind.GIB, 4 * Kind.MIB, false),
    TCP_CONNECTIONS("tcpConnections", "TCP connections", Kind.COUNT, 1, 10_000_000, 1_000, true),
    PTYS("ptys", "Pseudo-terminals", Kind.COUNT, 1, 4_096, 64, false),
    PENDING_SIGNALS("pendingSignals", "Pending signals", Kind.COUNT, 16, 4_194_304, 1_024, false),
    MESSAGE_QUEUES("messageQueues", "Message queue bytes", Kind.SIZE, 0, Kind.GIB, 800 * Kind.KIB, false),
    HUGEPAGES("hugepages", "Huge pages", Kind.SIZE, 0, 4 * Kind.TIB, 0, false);

    /** How a field's value is written and read. */
    public enum Kind {
        COUNT, PERCENT, SIZE, RATE;

        static final long KIB = 1024;
        static final long MIB = 1024 * KIB;
        static final long GIB = 1024 * MIB;
        static final long TIB = 1024 * GIB;
    }

    private final String fieldName;
    private final String label;
    private final Kind kind;
    private final long min;
    private final long max;
    private final long defaultValue;
    private final boolean zeroMeansUnlimited;

    ResourceField(String fieldName, String label, Kind kind, long min, long max, long defaultValue,
                  boolean zeroMeansUnlimited) {
        this.fieldName = fieldName;
        this.label = label;
        this.kind = kind;
        this.min = min;
        this.max = max;
        this.defaultValue = defaultValue;
        this.zeroMeansUnlimited = zeroMeansUnlimited;
    }

    /** The plan field name, e.g. {@code ioWriteBps}. */
    public String fieldName() {
        return fieldName;
    }

    /** The command-line flag, e.g. {@code --io-write-bps}. */
    public String flag() {
        return "--" + fieldName.replaceAll("([A-Z])", "-$1").toLowerCase(Locale.ROOT);
    }

    public String label() {
        return label;
    }

    public Kind kind() {
        return kind;
    }

    public long min() {
        return min;
    }

    public long max() {
        return max;
    }

    public long defaultValue() {
        return defaultValue;
    }

    public boolean zeroMeansUnlimited() {
        return zeroMeansUnlimited;
    }

    public static Optional<ResourceField> byFieldName(String name) {
        for (ResourceField field : values()) {
            if (field.fieldName.equals(name)) {
                return Optional.of(field);
            }
        }
        return Optional.empty();
    }

    /** Reads a value written in this field's unit ("64M", "10Mbit", "50"). */
    public long parse(String text) {
        return switch (kind) {
            case SIZE -> Units.parseSize(text);
            case RATE -> Units.parseRate(text);
            case COUNT, PERCENT -> parseWholeNumber(text);
        };
    }

    private static long parseWholeNumber(String text) {
        String trimmed = text == null ? "" : text.trim();
        if (!trimmed.matches("\\d{1,18}")) {
            throw new IllegalArgumentException("'" + trimmed + "' is not a whole number");
        }
        return Long.parseLong(trimmed);
    }

    /** Writes a value in this field's unit, exactly, so that {@link #parse} reads it back. */
    public String format(long value) {
        return switch (kind) {
            case SIZE -> Units.formatSize(value);
            case RATE -> Units.formatRate(value);
            case COUNT, PERCENT -> Long.toString(value);
        };
    }

    /** A value for people to read: "512 MiB", "10 Mbit/s", "50 %", "unlimited". */
    public String humanize(long value) {
        if (value == 0 && zeroMeansUnlimited) {
            return "unlimited";
        }
        return switch (kind) {
            case SIZE -> Units.humanSize(value);
            case RATE -> Units.humanRate(value);
            case PERCENT -> value + " %";
            case COUNT -> String.format(Locale.ROOT, "%,d", value);
        };
    }

    /** Why a value is out of this field's bounds, or empty when it is within them. */
    public Optional<String> checkBounds(long value) {
        if (value == 0 && zeroMeansUnlimited) {
            return Optional.empty();
        }
        if (value < min || value > max) {
            String range = "between " + format(min) + " and " + format(max);
            return Optional.of(label + " must be " + range + (zeroMeansUnlimited ? " (or 0 for unlimited)" : ""));
        }
        return Optional.empty();
    }
}
