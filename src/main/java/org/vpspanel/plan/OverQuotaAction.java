package org.vpspanel.plan;

/** What happens to a partition that has used its monthly traffic quota. */
public enum OverQuotaAction {
    /** Its network rate drops to the plan's over-quota rate until the billing month ends. */
    THROTTLE,
    /** It is suspended until the billing month ends or the quota is raised. */
    SUSPEND
}
