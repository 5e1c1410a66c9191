package org.vpspanel.agent.kernel;

import org.junit.jupiter.api.Test;
import org.vpspanel.testing.AgentProcess;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** An agent killed in the middle of a command (SIGKILL, as a crash would) leaves none of its files in /tmp. */
class AgentCrashKernelTest {

    private static final Path TMP = Path.of("/tmp");

    @Test
    void anAgentKilledMidCommandLeavesItsFilesOnlyInItsStateDirectoryAndTheNextStartRemovesThem() throws Exception {
        AgentProcess agent = AgentProcess.start();
        try {
            assertThat(agent.send("PUT", "/v1/partitions/c1", Map.of("hostname", "c1", "template", "busybox",
                    "resources", Map.of("memory", "32M", "disk", "64M"))).ok()).isTrue();
            assertThat(agent.send("POST", "/v1/partitions/c1/start", null).ok()).isTrue();
            Path scratch = agent.stateDir().resolve("tmp");
            // a command still running when the agent dies: the files for its output are open
            Thread.ofPlatform().daemon().start(() -> {
                try {
                    agent.send("POST", "/v1/partitions/c1/exec", Map.of("args", List.of("sleep", "5")));
                } catch (RuntimeException killedMeanwhile) {
                    // the agent died before it answered, as this test means it to
                }
            });
            Set<Path> open = openFiles(agent.pid());
            for (int i = 0; i < 100 && open.stream().noneMatch(file -> file.startsWith(scratch)); i++) {
                Thread.sleep(50);
                open = openFiles(agent.pid());
            }
            Set<Path> outside = new TreeSet<>(open.stream().filter(file -> file.startsWith(TMP) && !file.startsWith(agent.stateDir())
                    && !file.equals(agent.logFile())).toList());
            assertThat(open).as("the command's output files, in the state directory").anyMatch(file -> file.startsWith(scratch));

            agent.kill();
            List<Path> leftInScratch = list(scratch);
            agent.launch();

            assertThat(list(scratch)).as("what the killed agent left is removed at the next start").doesNotContainAnyElementsOf(leftInScratch);
            // only the JVM's own performance data lived in /tmp, and the next JVM to start removes a dead one's
            assertThat(outside).allMatch(file -> file.getParent().getFileName().toString().startsWith("hsperfdata_"));
            assertThat(outside).noneMatch(Files::exists);
        } finally {
            AgentProcess.closeLeavingNothing(agent);
        }
    }

    /** The files that a process and its children (the agent's commands) have open or mapped. */
    private static Set<Path> openFiles(long pid) throws IOException {
        Set<Path> files = new TreeSet<>();
        List<Long> tree = Stream.concat(Stream.of(pid), ProcessHandle.of(pid).stream().flatMap(ProcessHandle::descendants)
                .map(ProcessHandle::pid)).toList();
        for (long process : tree) {
            Path proc = Path.of("/proc", Long.toString(process));
            try (Stream<Path> descriptors = Files.list(proc.resolve("fd"))) {
                for (Path descriptor : descriptors.toList()) {
                    try {
                        files.add(Files.readSymbolicLink(descriptor));
                    } catch (IOException closedMeanwhile) {
                        // gone between listing and reading
                    }
                }
                Files.readAllLines(proc.resolve("maps")).stream().map(line -> line.split("\\s+"))
                        .filter(fields -> fields.length > 5 && fields[5].startsWith("/")).forEach(fields -> files.add(Path.of(fields[5])));
            } catch (IOException ended) {
                // the process ended meanwhile
            }
        }
        return files;
    }

    private static List<Path> list(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.toList();
        }
    }
}
