package org.vpspanel.partition;

/** What it takes to sell a partition: whose it is, which plan and template, its hostname; node optional. */
public record NewPartition(Long customerId, Long planId, Long templateId, String hostname, Long nodeId) {
}
