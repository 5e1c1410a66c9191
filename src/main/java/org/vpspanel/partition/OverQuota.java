package org.vpspanel.partition;

/** What the monthly traffic quota did to a partition in its current billing period. */
public enum OverQuota {
    /** Its network rates are capped at its plan's over-quota rate until the period ends. */
    THROTTLED,
    /** It was suspended when it used up its quota; a new period (or a bigger quota) unsuspends it. */
    SUSPENDED
}
