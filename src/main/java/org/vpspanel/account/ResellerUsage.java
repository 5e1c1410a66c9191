package org.vpspanel.account;

/**
 * What a reseller's customers hold right now, summed over their partitions. Provided by the feature that
 * owns partitions, so that accounts need not know about them.
 */
public interface ResellerUsage {

    Allocation usedBy(long resellerId);
}
