package org.vpspanel.node;

import java.util.Optional;

/** IPv4 addresses and networks as unsigned 32-bit numbers, for pool arithmetic. */
record Ipv4(long value) {

    static Optional<Ipv4> parse(String text) {
        if (text == null || !text.trim().matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
            return Optional.empty();
        }
        long value = 0;
        for (String part : text.trim().split("\\.")) {
            int octet = Integer.parseInt(part);
            if (octet > 255) {
                return Optional.empty();
            }
            value = value << 8 | octet;
        }
        return Optional.of(new Ipv4(value));
    }

    @Override
    public String toString() {
        return (value >> 24 & 255) + "." + (value >> 16 & 255) + "." + (value >> 8 & 255) + "." + (value & 255);
    }

    Ipv4 next() {
        return new Ipv4(value + 1);
    }

    boolean after(Ipv4 other) {
        return value > other.value;
    }

    /** A network written as address/prefix, e.g. 10.10.0.0/24; the address must be the network's first. */
    record Network(Ipv4 address, int prefix) {

        static Optional<Network> parse(String text) {
            if (text == null || !text.contains("/")) {
                return Optional.empty();
            }
            String[] parts = text.trim().split("/", 2);
            if (!parts[1].matches("\\d{1,2}") || Integer.parseInt(parts[1]) > 32 || Integer.parseInt(parts[1]) < 8) {
                return Optional.empty();
            }
            int prefix = Integer.parseInt(parts[1]);
            return Ipv4.parse(parts[0]).filter(a -> (a.value & ~mask(prefix) & 0xFFFFFFFFL) == 0)
                    .map(a -> new Network(a, prefix));
        }

        private static long mask(int prefix) {
            return prefix == 0 ? 0 : 0xFFFFFFFFL << (32 - prefix) & 0xFFFFFFFFL;
        }

        boolean contains(Ipv4 ip) {
            return (ip.value & mask(prefix)) == address.value;
        }

        Ipv4 broadcast() {
            return new Ipv4(address.value | ~mask(prefix) & 0xFFFFFFFFL);
        }

        /** Usable for hosts: not the network address and not the broadcast address (for prefixes up to /30). */
        boolean usableForHost(Ipv4 ip) {
            return contains(ip) && (prefix >= 31 || ip.value != address.value && ip.value != broadcast().value);
        }

        @Override
        public String toString() {
            return address + "/" + prefix;
        }
    }
}
