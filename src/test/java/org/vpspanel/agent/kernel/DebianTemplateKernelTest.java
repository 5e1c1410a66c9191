package org.vpspanel.agent.kernel;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vpspanel.agent.host.Commands;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A debian-12 partition, bootstrapped from the Debian mirror (about a minute), reached over SSH from a
 * namespace made by the test on the node's bridge, and shut down gracefully by its own init.
 */
class DebianTemplateKernelTest {

    private static TestAgent agent;
    private static String subnet;
    private static String outside;

    @BeforeAll
    static void createDebianPartition() {
        assumeTrue(Commands.attempt("debootstrap", "--version").succeeded(), "needs debootstrap");
        assumeTrue(Commands.attempt("ssh", "-V").succeeded(), "needs an SSH client");
        agent = TestAgent.start();
        subnet = "10.218." + new SecureRandom().nextInt(250) + ".";
        TestAgent.Cli created = agent.vpsctl("create", "deb", "--template", "debian-12", "--hostname", "deb",
                "--disk", "1G", "--memory", "256M", "--ip", subnet + "2/24", "--gateway", subnet + "1");
        assertThat(created.exitCode()).as(created.err()).isZero();
        TestAgent.Cli started = agent.vpsctl("start", "deb");
        assertThat(started.exitCode()).as(started.err()).isZero();
        outside = agent.prefix + "-out";
        Commands.run("ip", "netns", "add", outside);
        Commands.run("ip", "link", "add", agent.prefix + "o0", "type", "veth", "peer", "name", "eth0", "netns", outside);
        Commands.run("ip", "link", "set", agent.prefix + "o0", "master", agent.prefix + "br0", "up");
        Commands.run("ip", "-n", outside, "addr", "add", subnet + "1/24", "dev", "eth0");
        Commands.run("ip", "-n", outside, "link", "set", "eth0", "up");
    }

    @AfterAll
    static void removeEverything() throws Exception {
        TestAgent.closeLeavingNothing(agent);
    }

    @Test
    void bootsDebianWithItsOwnSshServerAndKeysAndShutsDownGracefully() throws Exception {
        assertThat(agent.sh("deb", "cat /etc/debian_version").stdout()).startsWith("12.");
        Path key = agent.stateDir.resolve("id_ed25519");
        Commands.run("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", key.toString());
        assertThat(agent.vpsctl("ssh-keys", "deb", key + ".pub").exitCode()).isZero();

        String answer = "";
        for (int attempt = 0; attempt < 20 && !answer.contains("deb"); attempt++) {
            // sshd comes up with runlevel 2, a moment after start
            answer = Commands.attempt(List.of("ip", "netns", "exec", outside, "ssh", "-i", key.toString(), "-o", "BatchMode=yes",
                    "-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null", "-o", "ConnectTimeout=3",
                    "root@" + subnet + "2", "hostname"), Duration.ofSeconds(15), null).stdout();
            Thread.sleep(attempt == 0 ? 0 : 500);
        }
        assertThat(answer).isEqualTo("deb\n");
        String hostKey = Files.readString(agent.stateDir.resolve("partitions/deb/bundle/rootfs/etc/ssh/ssh_host_ed25519_key.pub"));
        assertThat(Files.readString(agent.stateDir.resolve("templates/debian-12/etc/os-release"))).contains("bookworm");
        assertThat(Files.exists(agent.stateDir.resolve("templates/debian-12/etc/ssh/ssh_host_ed25519_key.pub"))).isFalse();
        assertThat(hostKey).startsWith("ssh-ed25519 ");

        long start = System.nanoTime();
        assertThat(agent.vpsctl("stop", "deb", "--timeout", "30").exitCode()).isZero();
        // init ran its shutdown and ended itself well before the 30 s after which it would be killed
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(20));
    }
}
