package org.vpspanel.agent.template;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vpspanel.agent.AgentMain;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

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

    private static int attribute(Path path, String name) throws Exception {
        return (Integer) Files.getAttribute(path, "unix:" + name, LinkOption.NOFOLLOW_LINKS);
    }
}
