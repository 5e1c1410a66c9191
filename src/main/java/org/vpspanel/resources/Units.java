package org.vpspanel.resources;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parsing and formatting of the catalogue's units: binary sizes (64M = 64 MiB) and decimal bit rates
 * (10Mbit = 10,000,000 bit/s, as tc counts them).
 */
public final class Units {

    private static final Pattern SIZE = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*([KMGT]?)(?:i?B)?", Pattern.CASE_INSENSITIVE);
    private static final Pattern RATE = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*([KMG]?)(?:bit|bps)?", Pattern.CASE_INSENSITIVE);
    private static final String SIZE_SUFFIXES = "KMGT";
    private static final String RATE_SUFFIXES = "KMG";

    private Units() {
    }

    /** Parses a size such as {@code 64M}, {@code 2G}, {@code 512K} or a plain byte count into bytes. */
    public static long parseSize(String text) {
        return parse(text, SIZE, SIZE_SUFFIXES, 1024, "size", "64M, 2G, 512K");
    }

    /** Parses a rate such as {@code 10Mbit}, {@code 1Gbit}, {@code 512Kbit} or plain bits per second. */
    public static long parseRate(String text) {
        return parse(text, RATE, RATE_SUFFIXES, 1000, "rate", "10Mbit, 1Gbit, 512Kbit");
    }

    private static long parse(String text, Pattern pattern, String suffixes, int base, String what, String examples) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("a " + what + " is required, e.g. " + examples);
        }
        Matcher m = pattern.matcher(text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text.trim() + "' is not a " + what + "; use e.g. " + examples);
        }
        BigDecimal value = new BigDecimal(m.group(1));
        int exponent = m.group(2).isEmpty() ? 0 : suffixes.indexOf(m.group(2).toUpperCase(Locale.ROOT)) + 1;
        BigDecimal result = value.multiply(BigDecimal.valueOf(base).pow(exponent));
        try {
            return result.setScale(0, java.math.RoundingMode.UNNECESSARY).longValueExact();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("'" + text.trim() + "' is not a whole number of "
                    + (what.equals("size") ? "bytes" : "bits per second") + " or is too large");
        }
    }

    /** The shortest exact form of a byte count: 536870912 -> "512M", 1000 -> "1000". */
    public static String formatSize(long bytes) {
        return format(bytes, SIZE_SUFFIXES, 1024, "");
    }

    /** The shortest exact form of a rate: 10000000 -> "10Mbit". */
    public static String formatRate(long bitsPerSecond) {
        return format(bitsPerSecond, RATE_SUFFIXES, 1000, "bit");
    }

    private static String format(long value, String suffixes, int base, String unit) {
        if (value == 0) {
            return "0" + unit;
        }
        int exponent = 0;
        long scaled = value;
        while (exponent < suffixes.length() && scaled % base == 0) {
            scaled /= base;
            exponent++;
        }
        return scaled + (exponent == 0 ? "" : String.valueOf(suffixes.charAt(exponent - 1))) + unit;
    }

    /** A size for people to read: 536870912 -> "512 MiB", 1610612736 -> "1.5 GiB". */
    public static String humanSize(long bytes) {
        String[] names = {"B", "KiB", "MiB", "GiB", "TiB", "PiB"};
        double value = bytes;
        int i = 0;
        while (value >= 1024 && i < names.length - 1) {
            value /= 1024;
            i++;
        }
        return trim(value) + " " + names[i];
    }

    /** A rate for people to read: 10000000 -> "10 Mbit/s". */
    public static String humanRate(long bitsPerSecond) {
        String[] names = {"bit/s", "Kbit/s", "Mbit/s", "Gbit/s", "Tbit/s"};
        double value = bitsPerSecond;
        int i = 0;
        while (value >= 1000 && i < names.length - 1) {
            value /= 1000;
            i++;
        }
        return trim(value) + " " + names[i];
    }

    private static String trim(double value) {
        String text = String.format(Locale.ROOT, "%.1f", value);
        return text.endsWith(".0") ? text.substring(0, text.length() - 2) : text;
    }
}
