package org.vpspanel.agent.template;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vpspanel.agent.AgentMain;
import org.vpspanel.agent.spec.Template;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class TemplatesTest {

    @Test
    void shiftingOwnershipKeepsSetUidSetGidAndStickyBits(@TempDir Path root) throws Exception {
        assumeTrue(AgentMain.isRoot(), "chown needs root");
        Path tool = Files.writeString(root.resolve("su"), "x");
        Files.setAttribute(tool, "unix:mode", 06755);
        Path plain = Files.writeString(root.resolve("plain"), "x");
        Files.setAttribute(plain, "unix:mode", 0640);
        Path tmp = Files.createDirectory(root.resolve("tmp"));
        Files.setAttribute(tmp, "unix:mode", 01777);
        Path link = Files.createSymbolicLink(root.resolve("link"), Path.of("plain"));
        Files.setAttribute(plain, "unix:gid", 5);

        Templates.shiftOwnership(root, 100_000);

        assertThat(attribute(tool, "mode") & 07777).isEqualTo(06755);
        assertThat(attribute(plain, "mode") & 07777).isEqualTo(0640);
        assertThat(attribute(tmp, "mode") & 07777).isEqualTo(01777);
        assertThat(attribute(tool, "uid")).isEqualTo(100_000);
        assertThat(attribute(plain, "gid")).isEqualTo(100_005);
        assertThat(attribute(link, "uid")).isEqualTo(100_000);
        assertThat(attribute(root, "uid")).isEqualTo(100_000);
        assertThat(attribute(plain, "uid")).as("a link's target is shifted once, not through the link").isEqualTo(100_000);
    }

    @Test
    void theBusyboxTemplateBecomesAPrototypeOwnedByThePartitionsUidRange(@TempDir Path state) throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/bin/busybox")), "Debian's busybox-static");
        Templates templates = new Templates(state.resolve("templates"), "http://unused");
        Path work = Files.createDirectories(state.resolve("partition"));

        Templates.Prototype prototype = templates.prototype(Template.BUSYBOX, "web1", 100_000, work).orElseThrow();

        List<String> lines = Files.readAllLines(prototype.file());
        assertThat(lines.subList(0, 3)).containsExactly("vps-agent", "0 0", "d--755 100000 100000");
        assertThat(lines).contains("tmp d--777 100000 100000", "root d--700 100000 100000",
                "busybox ---755 100000 100000 " + state.resolve("templates/busybox/bin/busybox"),
                "shadow ---600 100000 100000 " + state.resolve("templates/busybox/etc/shadow"),
                "hostname ---644 100000 100000 " + work.resolve("rootfs.hostname"),
                "sh l--777 100000 100000 /bin/busybox");
        assertThat(lines.getLast()).isEqualTo("$");
        assertThat(lines.stream().filter(line -> line.equals("$")).count())
                .as("every directory closed").isEqualTo(lines.stream().filter(line -> line.contains(" d-")).count() + 1);
        assertThat(prototype.stickyPaths()).containsExactly("tmp");
        assertThat(Files.readString(work.resolve("rootfs.hosts"))).isEqualTo("127.0.0.1 localhost\n127.0.1.1 web1\n");
        assertThat(templates.prototype(Template.DEBIAN_12, "web1", 100_000, work)).as("copied: host keys, times, hard links").isEmpty();

        prototype.deleteFiles();
        assertThat(work).isEmptyDirectory();
    }

    private static int attribute(Path path, String name) throws Exception {
        return (Integer) Files.getAttribute(path, "unix:" + name, LinkOption.NOFOLLOW_LINKS);
    }
}
