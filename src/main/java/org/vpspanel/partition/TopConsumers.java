package org.vpspanel.partition;

import java.util.List;

/** The partitions that consume most across all nodes, by each measure, highest first; and every node's totals. */
public record TopConsumers(List<ConsumerFigures> byCpu, List<ConsumerFigures> byMemory,
                           List<ConsumerFigures> byTraffic, List<NodeUsageTotals> nodes) {
}
