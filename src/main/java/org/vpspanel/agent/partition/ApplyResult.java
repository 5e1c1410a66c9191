package org.vpspanel.agent.partition;

import java.util.List;

/**
 * What a PUT of a spec did.
 *
 * @param appliedLive  fields now in force on the running partition (or simply stored, when it is stopped)
 * @param needsRestart fields that take effect when the running partition next starts
 * @param needsReinstall fields that take effect on reinstall (the template)
 */
public record ApplyResult(String id, boolean created, boolean changed, List<String> appliedLive,
                          List<String> needsRestart, List<String> needsReinstall) {
}
