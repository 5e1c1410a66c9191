package org.vpspanel.agent.spec;

import org.vpspanel.resources.ResourceField;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What differs between a partition's current and desired spec, sorted by how the host can take it:
 * live (cgroups, disk growth, tc, namespace sysctls, the addresses of a partition that has some), at the next
 * start (rlimits, IPC sysctls, devpts, the first addresses, hostname), on reinstall (template), or not at all
 * because only the panel uses it.
 */
public record SpecChanges(List<String> live, List<String> atRestart, List<String> atReinstall, List<String> panelOnly) {

    private static final Set<ResourceField> LIVE = EnumSet.of(ResourceField.CPUS, ResourceField.CPU_LIMIT,
            ResourceField.CPU_WEIGHT, ResourceField.MEMORY, ResourceField.SWAP, ResourceField.MEMORY_GUARANTEE,
            ResourceField.DISK, ResourceField.DISK_INODES, ResourceField.IO_READ_BPS, ResourceField.IO_WRITE_BPS,
            ResourceField.IO_READ_IOPS, ResourceField.IO_WRITE_IOPS, ResourceField.IO_WEIGHT, ResourceField.NET_EGRESS,
            ResourceField.NET_INGRESS, ResourceField.TCP_CONNECTIONS, ResourceField.PROCESSES, ResourceField.SOCKET_BUFFERS, ResourceField.HUGEPAGES);
    private static final Set<ResourceField> PANEL_ONLY = EnumSet.of(ResourceField.MONTHLY_TRAFFIC, ResourceField.IPV4_ADDRESSES);

    public static SpecChanges between(PartitionSpec current, PartitionSpec desired) {
        List<String> live = new ArrayList<>();
        List<String> atRestart = new ArrayList<>();
        List<String> atReinstall = new ArrayList<>();
        List<String> panelOnly = new ArrayList<>();
        if (!current.hostname().equals(desired.hostname())) {
            atRestart.add("hostname");
        }
        // a partition with a link takes other addresses live; one without gets its link when it starts
        List<String> addressing = current.networked() && desired.networked() ? live : atRestart;
        if (!current.ipv4().equals(desired.ipv4())) {
            addressing.add("ipv4");
        }
        if (!Objects.equals(current.gateway(), desired.gateway())) {
            addressing.add("gateway");
        }
        if (current.template() != desired.template()) {
            atReinstall.add("template");
        }
        if (current.autostart() != desired.autostart()) {
            panelOnly.add("autostart");
        }
        for (ResourceField field : ResourceField.values()) {
            if (current.resources().get(field) != desired.resources().get(field)) {
                String name = "resources." + field.fieldName();
                if (LIVE.contains(field)) {
                    live.add(name);
                } else if (PANEL_ONLY.contains(field)) {
                    panelOnly.add(name);
                } else {
                    atRestart.add(name);
                }
            }
        }
        return new SpecChanges(List.copyOf(live), List.copyOf(atRestart), List.copyOf(atReinstall), List.copyOf(panelOnly));
    }

    public boolean none() {
        return live.isEmpty() && atRestart.isEmpty() && atReinstall.isEmpty() && panelOnly.isEmpty();
    }
}
