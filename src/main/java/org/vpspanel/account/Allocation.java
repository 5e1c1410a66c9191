package org.vpspanel.account;

import java.util.ArrayList;
import java.util.List;
import org.vpspanel.common.FieldViolation;
import org.vpspanel.resources.Units;

/**
 * What a reseller may sell, summed over all of its customers' partitions; also used for what is in use.
 * Memory and disk in bytes.
 */
public record Allocation(int partitions, int cpus, long memory, long disk, int ipv4Addresses) {

    public static final Allocation NONE = new Allocation(0, 0, 0, 0, 0);

    public Allocation plus(Allocation other) {
        return new Allocation(partitions + other.partitions, cpus + other.cpus, memory + other.memory,
                disk + other.disk, ipv4Addresses + other.ipv4Addresses);
    }

    public Allocation minus(Allocation other) {
        return new Allocation(partitions - other.partitions, cpus - other.cpus, memory - other.memory,
                disk - other.disk, ipv4Addresses - other.ipv4Addresses);
    }

    /**
     * Why {@code used} would not fit into this allocation, one message per exceeded part, naming what is
     * allowed and what would be in use.
     */
    public List<String> exceededBy(Allocation used) {
        List<String> problems = new ArrayList<>();
        if (used.partitions > partitions) {
            problems.add("partitions: " + used.partitions + " of " + partitions + " allowed");
        }
        if (used.cpus > cpus) {
            problems.add("vCPUs: " + used.cpus + " of " + cpus + " allowed");
        }
        if (used.memory > memory) {
            problems.add("memory: " + Units.humanSize(used.memory) + " of " + Units.humanSize(memory) + " allowed");
        }
        if (used.disk > disk) {
            problems.add("disk: " + Units.humanSize(used.disk) + " of " + Units.humanSize(disk) + " allowed");
        }
        if (used.ipv4Addresses > ipv4Addresses) {
            problems.add("IPv4 addresses: " + used.ipv4Addresses + " of " + ipv4Addresses + " allowed");
        }
        return problems;
    }

    /** Bounds of an allocation an admin may grant. */
    public List<FieldViolation> violations() {
        List<FieldViolation> violations = new ArrayList<>();
        if (partitions < 0 || partitions > 1_000_000) {
            violations.add(new FieldViolation("partitions", "Partitions must be between 0 and 1,000,000"));
        }
        if (cpus < 0 || cpus > 1_000_000) {
            violations.add(new FieldViolation("cpus", "vCPUs must be between 0 and 1,000,000"));
        }
        if (memory < 0) {
            violations.add(new FieldViolation("memory", "Memory must not be negative"));
        }
        if (disk < 0) {
            violations.add(new FieldViolation("disk", "Disk must not be negative"));
        }
        if (ipv4Addresses < 0 || ipv4Addresses > 16_777_216) {
            violations.add(new FieldViolation("ipv4Addresses", "IPv4 addresses must be between 0 and 16,777,216"));
        }
        return violations;
    }
}
