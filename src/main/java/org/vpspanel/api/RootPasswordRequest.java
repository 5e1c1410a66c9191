package org.vpspanel.api;

/** root's new password inside the partition; the panel keeps only its hash. */
record RootPasswordRequest(String password) {
}
