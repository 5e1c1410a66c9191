package org.vpspanel.partition;

/** The host operations on a partition, each run as a job. */
public enum JobKind {
    CREATE("Creating"),
    START("Starting"),
    STOP("Stopping"),
    RESTART("Restarting"),
    REINSTALL("Reinstalling"),
    DESTROY("Destroying"),
    SUSPEND("Suspending"),
    UNSUSPEND("Unsuspending"),
    CHANGE_PLAN("Changing the plan"),
    INSTALL_SSH_KEYS("Installing SSH keys"),
    CHANGE_HOSTNAME("Changing the hostname"),
    SET_ROOT_PASSWORD("Setting the root password"),
    THROTTLE_TRAFFIC("Throttling traffic"),
    UNTHROTTLE_TRAFFIC("Lifting the traffic throttle");

    private final String progress;

    JobKind(String progress) {
        this.progress = progress;
    }

    /** What the job is doing, for people: "Starting". */
    public String progress() {
        return progress;
    }
}
