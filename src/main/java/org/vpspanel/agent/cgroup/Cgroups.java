package org.vpspanel.agent.cgroup;

import org.vpspanel.resources.Resources;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The agent's view of the host's cgroups, v1 or v2 behind one interface. Limits are written here, before
 * runc joins the cgroup and again live on a changed spec, so one code path sets them.
 */
public interface Cgroups {

    /** "v1" or "v2". */
    String version();

    /**
     * The optional control files the cgroup named {@code name} has (see {@link HostFacts#availableFiles()});
     * probed in that cgroup because the kernel offers some (BFQ weights, swap on v2) only below the root.
     */
    HostFacts facts(String name, String diskDevice);

    /** The writes that make a cgroup carry these limits, in order; pure. */
    List<CgroupWrite> render(Resources resources, HostFacts facts);

    /** Creates the cgroup named {@code name} where missing and writes the limits. */
    void apply(String name, Resources resources, String diskDevice);

    CgroupUsage usage(String name, String diskDevice);

    /** Whether any hierarchy still has a cgroup of that name. */
    boolean exists(String name);

    /** Removes the cgroup from every hierarchy; it must hold no process. */
    void remove(String name);

    /** The cgroup version of this host: v2 where /sys/fs/cgroup is the unified hierarchy. */
    static Cgroups probe() {
        Path root = Path.of("/sys/fs/cgroup");
        return Files.exists(root.resolve("cgroup.controllers")) ? new CgroupV2(root) : new CgroupV1(root);
    }
}
