package org.vpspanel.account;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.vpspanel.common.FieldViolation;

class AllocationTest {

    private static final long GIB = 1L << 30;
    private static final Allocation ALLOWED = new Allocation(10, 20, 16 * GIB, 100 * GIB, 5);

    @Test
    void usageUpToTheAllocationFits() {
        assertThat(ALLOWED.exceededBy(Allocation.NONE)).isEmpty();
        assertThat(ALLOWED.exceededBy(ALLOWED)).isEmpty();
    }

    @Test
    void eachExceededPartIsNamedWithWhatWouldBeUsedAndWhatIsAllowed() {
        Allocation tooMuch = new Allocation(11, 21, 17 * GIB, 101 * GIB, 6);

        assertThat(ALLOWED.exceededBy(tooMuch)).containsExactly(
                "partitions: 11 of 10 allowed",
                "vCPUs: 21 of 20 allowed",
                "memory: 17 GiB of 16 GiB allowed",
                "disk: 101 GiB of 100 GiB allowed",
                "IPv4 addresses: 6 of 5 allowed");
    }

    @Test
    void onlyTheExceededPartsAreNamed() {
        Allocation oneMoreAddress = new Allocation(1, 1, GIB, GIB, 6);

        assertThat(ALLOWED.exceededBy(oneMoreAddress)).containsExactly("IPv4 addresses: 6 of 5 allowed");
    }

    @Test
    void aNewPartitionIsAddedToTheUsage() {
        Allocation used = new Allocation(9, 18, 15 * GIB, 90 * GIB, 4);
        Allocation partition = new Allocation(1, 4, 2 * GIB, 10 * GIB, 1);

        Allocation after = used.plus(partition);

        assertThat(after).isEqualTo(new Allocation(10, 22, 17 * GIB, 100 * GIB, 5));
        assertThat(ALLOWED.exceededBy(after)).containsExactly("vCPUs: 22 of 20 allowed",
                "memory: 17 GiB of 16 GiB allowed");
    }

    @Test
    void anAdminCanGrantNothingOrAnythingWithinBoundsButNoNegatives() {
        assertThat(Allocation.NONE.violations()).isEmpty();
        assertThat(new Allocation(1_000_000, 1_000_000, Long.MAX_VALUE, Long.MAX_VALUE, 16_777_216).violations())
                .isEmpty();
        assertThat(new Allocation(-1, 1_000_001, -1, -1, 16_777_217).violations())
                .extracting(FieldViolation::field)
                .containsExactly("partitions", "cpus", "memory", "disk", "ipv4Addresses");
    }
}
