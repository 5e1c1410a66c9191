package org.vpspanel.api;

/** A partition's new hostname. */
record HostnameRequest(String hostname) {
}
