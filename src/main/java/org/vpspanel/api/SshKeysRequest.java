package org.vpspanel.api;

import java.util.List;

/** The ids of the customer's own SSH keys to install; an empty list removes every key. */
record SshKeysRequest(List<Long> keys) {
}
