package org.vpspanel.api;

/** The template to reinstall a partition from, by id or name; left out: the one it has. */
record ReinstallRequest(Reference template) {
}
