package io.quarkiverse.arenacache.inspect;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses and prints the durations the command line accepts: {@code 500ms}, {@code 2s}, {@code 1m}, {@code 1h} or
 * ISO-8601 such as {@code PT2S}.
 */
public final class Durations {

    private static final Pattern SIMPLE = Pattern.compile("(\\d+)\\s*(ms|s|m|h)");

    private Durations() {
    }

    /**
     * @param text the option value
     * @return the positive duration it denotes
     * @throws IllegalArgumentException with a message that shows the accepted forms
     */
    public static Duration parsePositive(String text) {
        Duration duration = parse(text);
        if (duration.isZero() || duration.isNegative()) {
            throw new IllegalArgumentException("'" + text + "' must be longer than zero");
        }
        return duration;
    }

    static Duration parse(String text) {
        String trimmed = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        Matcher simple = SIMPLE.matcher(trimmed);
        if (simple.matches()) {
            long amount;
            try {
                amount = Long.parseLong(simple.group(1));
            } catch (NumberFormatException tooLong) {
                throw invalid(text);
            }
            return switch (simple.group(2)) {
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                default -> Duration.ofHours(amount);
            };
        }
        if (trimmed.startsWith("p") || trimmed.startsWith("-p")) {
            try {
                return Duration.parse(trimmed.toUpperCase(Locale.ROOT));
            } catch (DateTimeParseException e) {
                throw invalid(text);
            }
        }
        throw invalid(text);
    }

    private static IllegalArgumentException invalid(String text) {
        return new IllegalArgumentException("'" + text + "' is not a duration: use a number with a unit"
                + " (500ms, 2s, 1m, 1h) or ISO-8601 (PT2S)");
    }

    /** Short human form: {@code 500ms}, {@code 2s}, {@code 10m}, {@code 1h30m}, {@code 2d3h}. */
    public static String format(Duration duration) {
        if (duration.isNegative()) {
            return "-" + format(duration.negated());
        }
        if (duration.isZero()) {
            return "0s";
        }
        if (duration.getSeconds() == 0) {
            return subSecond(duration.getNano());
        }
        StringBuilder text = new StringBuilder();
        append(text, duration.toDaysPart(), "d");
        append(text, duration.toHoursPart(), "h");
        append(text, duration.toMinutesPart(), "m");
        if (duration.toMinutes() == 0 && duration.toMillisPart() > 0) {
            // Fractions matter only for short spans (1.5s); a minute-long span keeps whole seconds.
            text.append(String.format(Locale.ROOT, "%.1fs", duration.toMillis() / 1000.0));
        } else {
            append(text, duration.toSecondsPart(), "s");
        }
        return text.toString();
    }

    /** Three significant digits below a second: {@code 4.98ms}, {@code 49.8ms}, {@code 498ms}, {@code 12.3us}. */
    private static String subSecond(int nanos) {
        if (nanos < 1_000) {
            return nanos + "ns";
        }
        return nanos < 1_000_000 ? significant(nanos / 1e3, "us") : significant(nanos / 1e6, "ms");
    }

    private static String significant(double value, String unit) {
        String pattern = value < 10 ? "%.2f%s" : value < 100 ? "%.1f%s" : "%.0f%s";
        return String.format(Locale.ROOT, pattern, value, unit);
    }

    private static void append(StringBuilder text, long amount, String unit) {
        if (amount > 0) {
            text.append(amount).append(unit);
        }
    }
}
