package org.vpspanel.agent.disk;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DiskImageTest {

    @Test
    void inodeShareIsTheSmallestWholePercentThatHoldsTheInodeLimit() {
        // 20000 inodes of 512 bytes are 3.8 % of 256 MiB
        assertThat(DiskImage.inodePercent(256L << 20, 20_000)).isEqualTo(4);
        assertThat(DiskImage.inodePercent(10L << 30, 1_000)).isEqualTo(1);
        assertThat(DiskImage.inodePercent(64L << 20, 4_000_000_000L)).isEqualTo(100);
    }
}
