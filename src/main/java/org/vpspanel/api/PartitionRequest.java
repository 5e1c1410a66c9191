package org.vpspanel.api;

import io.swagger.v3.oas.annotations.media.Schema;

/** A partition to sell: whose, which plan and template, by id or name; the node is chosen unless given. */
record PartitionRequest(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) Reference customer,
                        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) Reference plan,
                        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) Reference template,
                        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "web1.example.com") String hostname,
                        Reference node) {
}
