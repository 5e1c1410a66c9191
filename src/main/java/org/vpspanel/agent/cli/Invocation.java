package org.vpspanel.agent.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One parsed vpsctl command line.
 *
 * @param options   command options by flag without dashes ("template", "hostname", "ip", "timeout", ...)
 * @param resources resource values by catalogue field name, as typed ("64M")
 * @param command   for exec: the command to run inside
 */
public record Invocation(String action, String id, Map<String, String> options, Map<String, String> resources,
                         List<String> command, boolean json, Path socket) {
}
