package org.vpspanel.audit;

import java.time.Instant;

/** One recorded state change: who did what to which object, when, and from which address. */
public record AuditRecord(Long id, Instant at, String actor, String action, String objectType, String objectId,
                          String detail, String remoteAddress) {
}
