package org.vpspanel.audit;

/** Narrows the audit log; blank parts match everything. Text matches actor, action, object or detail. */
public record AuditFilter(String text, String objectType) {

    public static AuditFilter none() {
        return new AuditFilter("", "");
    }
}
