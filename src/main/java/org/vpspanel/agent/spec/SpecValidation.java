package org.vpspanel.agent.spec;

import org.vpspanel.common.FieldViolation;
import org.vpspanel.resources.ResourceField;
import org.vpspanel.resources.Resources;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** The rules a partition spec must satisfy before anything on the host is touched. */
final class SpecValidation {

    /** Short and plain, because ids become parts of host object names (cgroups, netns, files). */
    static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,31}");
    private static final Pattern HOSTNAME = Pattern.compile("(?=.{1,63}$)[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*");

    private SpecValidation() {
    }

    static void requireValid(String id, String hostname, Template template, List<String> ipv4, String gateway,
                             Resources resources) {
        requireValidId(id);
        if (hostname == null || !HOSTNAME.matcher(hostname).matches()) {
            throw new InvalidSpecException("hostname", "'" + hostname + "' is not a host name");
        }
        if (template == null) {
            throw new InvalidSpecException("template", "a template is required");
        }
        if (resources == null) {
            throw new InvalidSpecException("resources", "resources are required");
        }
        List<FieldViolation> violations = resources.violations();
        if (!violations.isEmpty()) {
            FieldViolation first = violations.getFirst();
            throw new InvalidSpecException("resources." + first.field(), first.message());
        }
        if (ipv4.size() > ResourceField.IPV4_ADDRESSES.max()) {
            throw new InvalidSpecException("ipv4", "at most " + ResourceField.IPV4_ADDRESSES.max() + " addresses");
        }
        List<Ipv4Cidr> addresses = new ArrayList<>();
        for (String text : ipv4) {
            Ipv4Cidr address = parseAddress("ipv4", text);
            if (addresses.stream().anyMatch(other -> other.address() == address.address())) {
                throw new InvalidSpecException("ipv4", address.host() + " is given twice");
            }
            addresses.add(address);
        }
        if (gateway != null) {
            if (addresses.isEmpty()) {
                throw new InvalidSpecException("gateway", "a gateway needs an ipv4 address");
            }
            Ipv4Cidr via = parseAddress("gateway", gateway);
            if (!addresses.getFirst().contains(via) || addresses.stream().anyMatch(a -> a.address() == via.address())) {
                throw new InvalidSpecException("gateway", gateway + " is not another address in " + ipv4.getFirst());
            }
        }
    }

    static void requireValidId(String id) {
        if (id == null || !ID.matcher(id).matches()) {
            throw new InvalidSpecException("id", "'" + id + "' is not a partition id (1-32 of a-z, 0-9, '-')");
        }
    }

    private static Ipv4Cidr parseAddress(String field, String text) {
        try {
            return Ipv4Cidr.parse(text);
        } catch (IllegalArgumentException e) {
            throw new InvalidSpecException(field, e.getMessage());
        }
    }
}
