package org.vpspanel.agent.partition;

import org.vpspanel.agent.cgroup.CgroupUsage;
import org.vpspanel.agent.cgroup.Cgroups;
import org.vpspanel.agent.TerminalSize;
import org.vpspanel.agent.console.Console;
import org.vpspanel.agent.disk.DiskImage;
import org.vpspanel.agent.host.CommandException;
import org.vpspanel.agent.host.Commands;
import org.vpspanel.agent.host.Parallel;
import org.vpspanel.agent.host.StepClock;
import org.vpspanel.agent.network.HostNetwork;
import org.vpspanel.agent.network.NamespaceSysctls;
import org.vpspanel.agent.network.NetworkAttachment;
import org.vpspanel.agent.runtime.BundlePlacement;
import org.vpspanel.agent.runtime.OciConfig;
import org.vpspanel.agent.runtime.Runc;
import org.vpspanel.agent.spec.Ipv4Cidr;
import org.vpspanel.agent.spec.PartitionSpec;
import org.vpspanel.agent.spec.SpecChanges;
import org.vpspanel.agent.spec.SpecJson;
import org.vpspanel.agent.spec.Template;
import org.vpspanel.agent.template.Templates;
import org.vpspanel.resources.ResourceField;
import org.vpspanel.resources.Resources;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Makes the host match the partitions' specs: creates, changes, starts, stops and removes everything a
 * partition has on the host (disk, root filesystem, network namespace and links, nft rules, cgroup, runc
 * container). Operations on one partition run one at a time; different partitions proceed in parallel.
 */
public final class PartitionManager {

    private static final System.Logger LOG = System.getLogger("vps-agent");
    private static final Duration POLL = Duration.ofMillis(20);

    private final AgentConfig config;
    private final PartitionFiles files;
    private final Cgroups cgroups;
    private final HostNetwork network;
    private final Runc runc;
    private final Templates templates;
    private final Map<String, ReentrantLock> locks = new ConcurrentHashMap<>();
    /** Guards what partitions share: ordinals and the nft table. */
    private final Object nodeLock = new Object();

    public PartitionManager(AgentConfig config, Cgroups cgroups) {
        this.config = config;
        this.files = new PartitionFiles(config.stateDir());
        this.cgroups = cgroups;
        this.network = new HostNetwork(config.prefix(), config.scratchDir());
        this.runc = new Runc(config.stateDir().resolve("runc"));
        this.templates = new Templates(config.stateDir().resolve("templates"), config.debianMirror());
    }

    /** The name of the partition's runc container, cgroup and network namespace. */
    public String hostName(String id) {
        return config.prefix() + "-" + id;
    }

    /** Every partition's status, with one runc call for all of them rather than one each. */
    public List<PartitionStatus> list() {
        Map<String, Runc.Status> containers = runc.statuses();
        return files.ids().stream()
                .map(id -> statusOrNull(id, containers.getOrDefault(hostName(id), Runc.Status.NONE) == Runc.Status.RUNNING))
                .filter(s -> s != null).toList();
    }

    private PartitionStatus statusOrNull(String id, boolean running) {
        try {
            return status(id, running);
        } catch (PartitionException e) {
            return null; // removed while listing
        }
    }

    public PartitionStatus status(String id) {
        requireSpec(id);
        return status(id, isRunning(id));
    }

    private PartitionStatus status(String id, boolean running) {
        PartitionSpec spec = requireSpec(id);
        List<String> pendingRestart = List.of();
        Path startedSpec = files.dir(id).resolve("started.json");
        if (running && Files.exists(startedSpec)) {
            PartitionSpec started = SpecJson.read(id, org.vpspanel.agent.Json.readFile(startedSpec));
            pendingRestart = SpecChanges.between(started, spec).atRestart();
        }
        return new PartitionStatus(id, running ? "running" : "stopped", SpecJson.write(spec), pendingRestart);
    }

    private boolean isRunning(String id) {
        return runc.status(hostName(id)) == Runc.Status.RUNNING;
    }

    /** Makes the partition match the spec: creates it if new, else applies what changed. */
    public ApplyResult apply(PartitionSpec desired, boolean mustBeNew) {
        return locked(desired.id(), () -> {
            if (!files.exists(desired.id())) {
                create(desired);
                return new ApplyResult(desired.id(), true, true, List.of(), List.of(), List.of());
            }
            if (mustBeNew) {
                throw new PartitionException(PartitionException.Reason.CONFLICT, "partition '" + desired.id() + "' already exists");
            }
            return change(requireSpec(desired.id()), desired);
        });
    }

    private void create(PartitionSpec spec) {
        String id = spec.id();
        try (StepClock clock = StepClock.begin("create " + id)) {
            PartitionRecord record = StepClock.step("record", () -> {
                synchronized (nodeLock) {
                    PartitionRecord r = new PartitionRecord(files.freeOrdinal(), "create");
                    files.saveRecord(id, r);
                    return r;
                }
            });
            try {
                StepClock.step("spec", () -> files.saveSpec(spec));
                makeRootFilesystem(spec, record);
                StepClock.step("config", () -> files.saveConfig(id, ociConfig(spec, record)));
                StepClock.step("record", () -> files.saveRecord(id, record.withPending(null)));
            } catch (RuntimeException e) {
                undo("create", id, e);
                throw e;
            }
        }
    }

    /**
     * A new disk holding the template, owned by the partition's uid range: written by mkfs from a prototype
     * where the template allows (no copy, no chown), else made empty and filled by copying.
     */
    private void makeRootFilesystem(PartitionSpec spec, PartitionRecord record) {
        String id = spec.id();
        DiskImage disk = disk(id);
        long bytes = spec.resources().get(ResourceField.DISK);
        long inodes = spec.resources().get(ResourceField.DISK_INODES);
        java.util.Optional<Templates.Prototype> prototype = StepClock.step("prototype",
                () -> templates.prototype(spec.template(), spec.hostname(), uidBase(record), files.dir(id)));
        try {
            StepClock.step("disk", () -> disk.create(bytes, inodes, prototype.map(Templates.Prototype::file).orElse(null)));
            if (prototype.isPresent()) {
                StepClock.step("finish", () -> prototype.get().finish(files.rootfs(id)));
            } else {
                StepClock.step("template", () -> templates.populate(spec.template(), files.rootfs(id), spec.hostname(), uidBase(record)));
            }
        } finally {
            prototype.ifPresent(Templates.Prototype::deleteFiles);
        }
    }

    /** Removes what a failed operation left, keeping the original failure as the one reported. */
    private void undo(String operation, String id, RuntimeException cause) {
        try {
            removeEverything(id);
        } catch (RuntimeException cleanup) {
            cause.addSuppressed(cleanup);
            LOG.log(System.Logger.Level.ERROR, "undoing " + operation + " of " + id + " failed; next start retries: " + cleanup.getMessage());
        }
    }

    private ApplyResult change(PartitionSpec current, PartitionSpec desired) {
        String id = desired.id();
        SpecChanges changes = SpecChanges.between(current, desired);
        if (changes.none()) {
            return new ApplyResult(id, false, false, List.of(), List.of(), List.of());
        }
        Resources from = current.resources();
        Resources to = desired.resources();
        if (to.get(ResourceField.DISK) < from.get(ResourceField.DISK)) {
            throw new org.vpspanel.agent.spec.InvalidSpecException("resources.disk",
                    "a disk cannot shrink (from " + ResourceField.DISK.format(from.get(ResourceField.DISK)) + ")");
        }
        PartitionRecord record = files.record(id);
        DiskImage disk = disk(id);
        disk.mount();
        if (from.get(ResourceField.DISK) != to.get(ResourceField.DISK) || from.get(ResourceField.DISK_INODES) != to.get(ResourceField.DISK_INODES)) {
            disk.resize(to.get(ResourceField.DISK), to.get(ResourceField.DISK_INODES));
        }
        boolean running = isRunning(id);
        if (running) {
            cgroups.apply(hostName(id), to, disk.device());
            network.setSysctls(hostName(id), NamespaceSysctls.render(to));
            network.capTcpConnections(hostName(id), to.get(ResourceField.TCP_CONNECTIONS));
            attachment(desired, record).ifPresent(network::shape);
            if (changes.live().contains("ipv4") || changes.live().contains("gateway")) {
                synchronized (nodeLock) {
                    network.setAddresses(hostName(id), desired.addresses(), desired.gateway());
                    List<NetworkAttachment> rules = attachments(id);
                    attachment(desired, record).ifPresent(rules::add);
                    network.applyRules(rules);
                }
            }
        }
        files.saveSpec(desired);
        files.saveConfig(id, ociConfig(desired, record));
        if (!running) {
            return new ApplyResult(id, false, true, changes.live(), List.of(), changes.atReinstall());
        }
        return new ApplyResult(id, false, true, changes.live(), changes.atRestart(), changes.atReinstall());
    }

    public void start(String id) {
        locked(id, () -> {
            startLocked(id);
            return null;
        });
    }

    private void startLocked(String id) {
        try (StepClock clock = StepClock.begin("start " + id)) {
            startTimed(id);
        }
    }

    private void startTimed(String id) {
        PartitionSpec spec = StepClock.step("spec", () -> requireSpec(id));
        String name = hostName(id);
        Runc.Status status = StepClock.step("status", () -> runc.status(name));
        if (status == Runc.Status.RUNNING) {
            return;
        }
        if (status != Runc.Status.NONE) {
            runc.delete(name);
        }
        PartitionRecord record = files.record(id);
        DiskImage disk = disk(id);
        StepClock.step("mount", disk::mount);
        StepClock.step("config", () -> files.saveConfig(id, ociConfig(spec, record)));
        StepClock.step("cgroup", () -> cgroups.apply(name, spec.resources(), disk.device()));
        try {
            long pid = StepClock.step("runc-create", () -> runc.create(name, files.bundle(id), files.consoleLog(id)));
            StepClock.step("network", () -> connect(spec, record, pid));
            StepClock.step("runc-start", () -> runc.start(name));
        } catch (RuntimeException e) {
            runc.delete(name);
            disconnect(id, record);
            removeCgroup(name);
            throw e;
        }
        StepClock.step("started", () -> org.vpspanel.agent.Json.writeFileAtomically(files.dir(id).resolve("started.json"), SpecJson.write(spec)));
    }

    /** Stops the partition: SIGTERM to its init, then SIGKILL to everything left after {@code timeout}. */
    public void stop(String id, Duration timeout) {
        locked(id, () -> {
            requireSpec(id);
            stopLocked(id, timeout);
            return null;
        });
    }

    private void stopLocked(String id, Duration timeout) {
        String name = hostName(id);
        if (runc.status(name) == Runc.Status.RUNNING) {
            runc.kill(name, files.spec(id).map(spec -> spec.template().stopSignal()).orElse("KILL"), false);
            if (!awaitStopped(name, timeout)) {
                runc.kill(name, "KILL", true);
                awaitStopped(name, Duration.ofSeconds(10));
            }
        }
        runc.delete(name);
        disconnect(id, files.record(id));
        removeCgroup(name);
    }

    private boolean awaitStopped(String name, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        do {
            if (runc.status(name) != Runc.Status.RUNNING) {
                return true;
            }
            sleep(POLL);
        } while (System.nanoTime() < deadline);
        return false;
    }

    /** The cgroup empties a moment after its last process is reaped, so removal is retried briefly. */
    private void removeCgroup(String name) {
        RuntimeException last = null;
        for (int attempt = 0; attempt < 100 && cgroups.exists(name); attempt++) {
            try {
                cgroups.remove(name);
            } catch (RuntimeException e) {
                last = e;
                sleep(POLL);
            }
        }
        if (cgroups.exists(name)) {
            throw last != null ? last : new IllegalStateException("cgroup " + name + " remains");
        }
    }

    public void restart(String id, Duration timeout) {
        locked(id, () -> {
            requireSpec(id);
            stopLocked(id, timeout);
            startLocked(id);
            return null;
        });
    }

    /** Removes the partition and every host object it had. */
    public void destroy(String id) {
        locked(id, () -> {
            if (!files.exists(id)) {
                throw PartitionException.notFound(id);
            }
            files.saveRecord(id, files.record(id).withPending("destroy"));
            removeEverything(id);
            return null;
        });
    }

    /** Idempotent: every step checks what is still there, so it also finishes a destroy cut short. */
    private void removeEverything(String id) {
        stopLocked(id, Duration.ZERO);
        if (files.spec(id).map(PartitionSpec::networked).orElse(true)) {
            synchronized (nodeLock) {
                network.applyRules(attachments(id));
            }
        }
        disk(id).delete();
        files.delete(id);
    }

    /**
     * A fresh root filesystem from the template, or from its own template when {@code template} is null; the
     * disk keeps its size, the partition its addresses.
     */
    public void reinstall(String id, Template template) {
        locked(id, () -> {
            PartitionSpec spec = requireSpec(id);
            boolean wasRunning = isRunning(id);
            PartitionRecord record = files.record(id);
            files.saveRecord(id, record.withPending("reinstall"));
            if (template != null && template != spec.template()) {
                // stopped while the spec still names the old template, whose init knows its stop signal
                stopLocked(id, config.stopTimeout());
                spec = spec.withTemplate(template);
                files.saveSpec(spec);
            }
            reinstallLocked(spec, record, wasRunning);
            return null;
        });
    }

    private void reinstallLocked(PartitionSpec spec, PartitionRecord record, boolean start) {
        String id = spec.id();
        stopLocked(id, config.stopTimeout());
        disk(id).delete();
        makeRootFilesystem(spec, record);
        files.saveRecord(id, record.withPending(null));
        if (start) {
            startLocked(id);
        }
    }

    public ExecResult exec(String id, List<String> args, Duration timeout) {
        requireRunning(id);
        Commands.Result result = runc.exec(hostName(id), args, timeout);
        return new ExecResult(result.exitCode(), result.stdout(), result.stderr());
    }

    /** An interactive login shell in the running partition, on a terminal of the given size. */
    public Console openConsole(String id, TerminalSize size) throws IOException {
        requireRunning(id);
        return Console.open(runc.shellOnTerminal(hostName(id)), size);
    }

    private void requireRunning(String id) {
        requireSpec(id);
        if (!isRunning(id)) {
            throw new PartitionException(PartitionException.Reason.CONFLICT, "partition '" + id + "' is not running");
        }
    }

    /** Sets root's password inside; it travels on stdin, never on a command line. */
    public void setRootPassword(String id, String password) {
        requireRunning(id);
        Commands.Result hash = Commands.attemptWithInput(List.of("openssl", "passwd", "-6", "-stdin"), password + "\n", Duration.ofSeconds(10));
        if (!hash.succeeded()) {
            throw new CommandException(hash);
        }
        setRootPasswordHash(id, hash.stdout().strip());
    }

    /**
     * Puts a crypt hash into root's shadow entry, for callers that never hand over the password itself. The
     * caller has checked its form (only crypt characters, so it is safe inside the sed expression).
     */
    public void setRootPasswordHash(String id, String passwordHash) {
        requireRunning(id);
        ExecResult result = exec(id, List.of("sh", "-c",
                "sed -i \"s|^root:[^:]*:|root:$1:|\" /etc/shadow && grep -q '^root:' /etc/shadow", "sh", passwordHash),
                Duration.ofSeconds(30));
        requireSuccess(result, "setting the root password");
    }

    /** Replaces root's authorized SSH keys inside the partition. */
    public void setSshKeys(String id, List<String> keys) {
        requireRunning(id);
        Commands.Result result = runc.execWithInput(hostName(id), List.of("sh", "-c",
                "umask 077 && mkdir -p /root/.ssh && cat > /root/.ssh/authorized_keys"),
                keys.stream().map(key -> key + "\n").collect(Collectors.joining()), Duration.ofSeconds(30));
        requireSuccess(new ExecResult(result.exitCode(), result.stdout(), result.stderr()), "installing SSH keys");
    }

    private static void requireSuccess(ExecResult result, String what) {
        if (result.exitCode() != 0) {
            throw new IllegalStateException(what + " failed inside the partition: " + result.stderr().strip());
        }
    }

    public PartitionUsage usage(String id) {
        PartitionSpec spec = requireSpec(id);
        PartitionRecord record = files.record(id);
        DiskImage disk = disk(id);
        String device = disk.isMounted() ? disk.device() : null;
        CgroupUsage cpuAndMemory = isRunning(id) ? cgroups.usage(hostName(id), device) : CgroupUsage.NONE;
        long[] space = disk.isMounted() ? filesystemUsage(files.rootfs(id)) : new long[4];
        String link = network.hostLink(record.ordinal());
        boolean networked = spec.networked();
        // the host end of the veth sends what the partition receives
        return new PartitionUsage(id, cpuAndMemory.cpuNanos(), cpuAndMemory.memoryBytes(), cpuAndMemory.swapBytes(),
                cpuAndMemory.processes(), space[0], space[1], space[2], space[3],
                cpuAndMemory.diskReadBytes(), cpuAndMemory.diskWriteBytes(), cpuAndMemory.diskReadOps(), cpuAndMemory.diskWriteOps(),
                networked ? HostNetwork.counter(link, "tx_bytes") : 0, networked ? HostNetwork.counter(link, "rx_bytes") : 0,
                networked ? HostNetwork.counter(link, "tx_packets") : 0, networked ? HostNetwork.counter(link, "rx_packets") : 0,
                cpuAndMemory.oomKills(), cpuAndMemory.processLimitHits(), cpuAndMemory.cpuThrottledNanos());
    }

    /** Bytes used, bytes in all, inodes used, inodes in all. */
    private static long[] filesystemUsage(Path mountPoint) {
        String[] f = Commands.run("stat", "--file-system", "--format", "%S %b %f %c %d", mountPoint.toString()).strip().split(" ");
        long blockSize = Long.parseLong(f[0]);
        long blocks = Long.parseLong(f[1]);
        long inodes = Long.parseLong(f[3]);
        return new long[] {(blocks - Long.parseLong(f[2])) * blockSize, blocks * blockSize, inodes - Long.parseLong(f[4]), inodes};
    }

    /**
     * Brings the host in line with the state directory after the agent (or the host) restarted: running
     * partitions are adopted as they are, operations cut short are finished or undone, disks are mounted
     * again, and autostart partitions are started.
     */
    public void recover() {
        for (String id : files.ids()) {
            try {
                locked(id, () -> {
                    recoverLocked(id);
                    return null;
                });
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.ERROR, "recovering partition " + id + " failed: " + e.getMessage());
            }
        }
        // after a host reboot the node's rules are gone; they are the same for every partition, so once
        synchronized (nodeLock) {
            network.applyRules(attachments(null));
        }
    }

    private void recoverLocked(String id) {
        PartitionRecord record = files.record(id);
        if ("create".equals(record.pending()) || "destroy".equals(record.pending())) {
            LOG.log(System.Logger.Level.INFO, "removing partition " + id + " left by an unfinished " + record.pending());
            removeEverything(id);
            return;
        }
        PartitionSpec spec = requireSpec(id);
        if ("reinstall".equals(record.pending())) {
            reinstallLocked(spec, record, spec.autostart());
            return;
        }
        disk(id).mount();
        if (!isRunning(id)) {
            // a start cut short leaves a created container, its cgroup, links and namespace name
            stopLocked(id, Duration.ZERO);
            if (spec.autostart()) {
                startLocked(id);
            }
        }
    }

    /** Gives a just-created partition its network before its init runs: namespace limits, link, address, rules. */
    private void connect(PartitionSpec spec, PartitionRecord record, long pid) {
        String namespace = hostName(spec.id());
        StepClock.step("netns", () -> network.nameNamespace(namespace, pid));
        // independent of each other once the namespace has its name, and all done before its init runs: limits
        // inside it, its links (loopback included), the node's rules naming its link. The links of a partition
        // are its own (named by its ordinal), and the bridge stays while a networked partition's spec exists,
        // so only the rules, made from every partition's spec, are taken under the node's lock.
        java.util.Optional<NetworkAttachment> attachment = attachment(spec, record);
        List<Runnable> steps = new ArrayList<>(List.of(
                () -> StepClock.step("tcpcap", () -> network.capTcpConnectionsInNewNamespace(namespace, spec.resources().get(ResourceField.TCP_CONNECTIONS))),
                () -> StepClock.step("sysctl", () -> network.setSysctls(namespace, NamespaceSysctls.render(spec.resources())))));
        if (attachment.isPresent()) {
            steps.add(() -> StepClock.step("attach", () -> network.attach(namespace, attachment.get(), spec.addresses(), spec.gateway())));
            steps.add(() -> StepClock.step("rules", () -> {
                synchronized (nodeLock) {
                    network.applyRules(attachments(null));
                }
            }));
        } else {
            steps.add(() -> StepClock.step("lo", () -> network.loopbackUp(namespace)));
        }
        Parallel.run(steps);
    }

    /** Removes the partition's links and its namespace's name; the namespace itself ends with its processes. */
    private void disconnect(String id, PartitionRecord record) {
        network.detach(record.ordinal());
        network.deleteNamespace(hostName(id));
    }

    private java.util.Optional<NetworkAttachment> attachment(PartitionSpec spec, PartitionRecord record) {
        if (!spec.networked()) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new NetworkAttachment(network.hostLink(record.ordinal()),
                network.ifbLink(record.ordinal()), HostNetwork.mac(record.ordinal()),
                spec.addresses().stream().map(Ipv4Cidr::host).toList(),
                spec.resources().get(ResourceField.NET_EGRESS), spec.resources().get(ResourceField.NET_INGRESS)));
    }

    /** The network attachments of every partition on the node except {@code leaving}. */
    private List<NetworkAttachment> attachments(String leaving) {
        List<NetworkAttachment> all = new ArrayList<>();
        for (String id : files.ids()) {
            // a partition being destroyed at the same time is leaving too: counting it would keep the bridge
            // and the ruleset alive after the last partition is gone
            Optional<PartitionRecord> record = files.recordIfAny(id);
            if (!id.equals(leaving) && record.isPresent() && !"destroy".equals(record.get().pending())) {
                files.spec(id).flatMap(spec -> attachment(spec, record.get())).ifPresent(all::add);
            }
        }
        return all;
    }

    private Map<String, Object> ociConfig(PartitionSpec spec, PartitionRecord record) {
        BundlePlacement placement = new BundlePlacement(files.rootfs(spec.id()).toString(), uidBase(record),
                AgentConfig.UIDS_PER_PARTITION, "/" + hostName(spec.id()));
        return OciConfig.render(spec, placement, Templates.init(spec.template()));
    }

    private long uidBase(PartitionRecord record) {
        return config.uidBase() + (record.ordinal() - 1L) * AgentConfig.UIDS_PER_PARTITION;
    }

    private DiskImage disk(String id) {
        return new DiskImage(files.diskImage(id), files.rootfs(id));
    }

    private PartitionSpec requireSpec(String id) {
        if (!files.exists(id)) {
            throw PartitionException.notFound(id);
        }
        return files.spec(id).orElseThrow(() -> PartitionException.notFound(id));
    }

    private <T> T locked(String id, Supplier<T> action) {
        ReentrantLock lock = locks.computeIfAbsent(id, key -> new ReentrantLock());
        lock.lock();
        try {
            return action.get();
        } finally {
            lock.unlock();
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
