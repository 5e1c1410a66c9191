package org.vpspanel.template;

/** An OS template: what a partition's root filesystem is made from. {@code kind} names the agent's builder. */
public record TemplateSummary(Long id, String name, String kind) {
}
