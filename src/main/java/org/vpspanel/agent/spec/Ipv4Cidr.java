package org.vpspanel.agent.spec;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** An IPv4 address with its prefix length, as "10.0.0.2/24". */
public record Ipv4Cidr(int address, int prefixLength) {

    private static final Pattern FORM = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})(?:/(\\d{1,2}))?");

    public static Ipv4Cidr parse(String text) {
        Matcher m = FORM.matcher(text == null ? "" : text);
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not an IPv4 address like 10.0.0.2/24");
        }
        int address = 0;
        for (int i = 1; i <= 4; i++) {
            int octet = Integer.parseInt(m.group(i));
            if (octet > 255) {
                throw new IllegalArgumentException("'" + text + "' has an octet above 255");
            }
            address = address << 8 | octet;
        }
        int prefix = m.group(5) == null ? 32 : Integer.parseInt(m.group(5));
        if (prefix < 1 || prefix > 32) {
            throw new IllegalArgumentException("'" + text + "' has a prefix length outside 1..32");
        }
        return new Ipv4Cidr(address, prefix);
    }

    public String host() {
        return (address >>> 24) + "." + (address >>> 16 & 255) + "." + (address >>> 8 & 255) + "." + (address & 255);
    }

    public boolean contains(Ipv4Cidr other) {
        int mask = prefixLength == 0 ? 0 : -1 << (32 - prefixLength);
        return (address & mask) == (other.address & mask);
    }

    @Override
    public String toString() {
        return host() + "/" + prefixLength;
    }
}
