package io.quarkiverse.arenacache.inspect;

import java.util.Locale;

/** Human-readable numbers: binary byte units, grouped counts, percentages. Always {@link Locale#ROOT}. */
public final class Units {

    private static final String[] BYTE_UNITS = { "KiB", "MiB", "GiB", "TiB", "PiB", "EiB" };

    private Units() {
    }

    /** {@code 512 B}, {@code 1.5 KiB}, {@code 12.3 MiB}, {@code 64.0 MiB}. */
    public static String bytes(long bytes) {
        if (bytes < 0) {
            return "-" + bytes(bytes == Long.MIN_VALUE ? Long.MAX_VALUE : -bytes);
        }
        if (bytes < 1024) {
            return bytes + " B";
        }
        double value = bytes;
        int unit = -1;
        while (value >= 1024 && unit < BYTE_UNITS.length - 1) {
            value /= 1024;
            unit++;
        }
        // 1023.96 KiB would print as "1024.0 KiB": move to the next unit instead.
        if (Math.round(value * 10) >= 10240 && unit < BYTE_UNITS.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", value, BYTE_UNITS[unit]);
    }

    /** {@code 1,234,567}. */
    public static String count(long count) {
        return String.format(Locale.ROOT, "%,d", count);
    }

    /** {@code 93.0 %} for a ratio of 0.93. */
    public static String percent(double ratio) {
        return String.format(Locale.ROOT, "%.1f %%", ratio * 100);
    }

    /** The share of {@code part} in {@code whole} as a ratio in [0, 1], or 0 when the whole is empty. */
    public static double ratio(long part, long whole) {
        return whole <= 0 ? 0 : Math.min(1.0, Math.max(0.0, (double) part / whole));
    }
}
