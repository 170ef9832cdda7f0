package io.quarkiverse.arenacache.inspect;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A parser for the Prometheus text exposition format (and the OpenMetrics text that Quarkus may serve instead): every
 * sample line becomes a {@link Sample}; comments, {@code # EOF}, timestamps and exemplars are skipped. A line that is
 * none of these makes the whole text invalid, which is how an HTML page or other content is told apart from metrics.
 */
public final class PrometheusText {

    private PrometheusText() {
    }

    /** One sample: {@code name{labels} value}. {@code valueText} is the value as written (e.g. {@code +Inf}). */
    public record Sample(String name, Map<String, String> labels, double value, String valueText) {
    }

    /** The text is not in the exposition format; the message names the line. */
    public static final class FormatException extends RuntimeException {
        FormatException(int lineNumber, String line, String problem) {
            super("line " + lineNumber + ": " + problem + ": "
                    + (line.length() > 80 ? line.substring(0, 80) + "..." : line));
        }
    }

    public static List<Sample> parse(String text) {
        List<Sample> samples = new ArrayList<>();
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            samples.add(new LineParser(line, i + 1).sample());
        }
        return samples;
    }

    /** A cursor over one sample line. */
    private static final class LineParser {
        private final String line;
        private final int lineNumber;
        private int position;

        LineParser(String line, int lineNumber) {
            this.line = line;
            this.lineNumber = lineNumber;
        }

        Sample sample() {
            String name = identifier(true, "a metric name");
            Map<String, String> labels = Collections.emptyMap();
            boolean spaced = skipSpaces();
            if (peek() == '{') {
                labels = labels();
                spaced = skipSpaces();
            }
            if (!spaced) {
                throw fail("expected a space before the value");
            }
            int start = position;
            while (position < line.length() && !Character.isWhitespace(line.charAt(position))) {
                position++;
            }
            String valueText = line.substring(start, position);
            double value = number(valueText);
            skipTimestampAndExemplar();
            return new Sample(name, labels, value, valueText);
        }

        /** An optional timestamp, then an optional OpenMetrics exemplar ({@code # {...} value}): both are ignored. */
        private void skipTimestampAndExemplar() {
            skipSpaces();
            if (peek() != '#' && position < line.length()) {
                int start = position;
                while (position < line.length() && !Character.isWhitespace(line.charAt(position))) {
                    position++;
                }
                String timestamp = line.substring(start, position);
                try {
                    Double.parseDouble(timestamp);
                } catch (NumberFormatException e) {
                    throw fail("expected a timestamp or the end of the line, found '" + timestamp + "'");
                }
                skipSpaces();
            }
            if (position < line.length() && peek() != '#') {
                throw fail("expected the end of the line");
            }
        }

        private Map<String, String> labels() {
            Map<String, String> labels = new LinkedHashMap<>();
            position++; // '{'
            while (true) {
                skipSpaces();
                if (peek() == '}') {
                    position++;
                    return Collections.unmodifiableMap(labels);
                }
                String name = identifier(false, "a label name");
                skipSpaces();
                expect('=');
                skipSpaces();
                labels.put(name, quoted());
                skipSpaces();
                if (peek() == ',') {
                    position++;
                } else if (peek() != '}') {
                    throw fail("expected ',' or '}' after a label");
                }
            }
        }

        private String quoted() {
            expect('"');
            StringBuilder value = new StringBuilder();
            while (position < line.length()) {
                char c = line.charAt(position++);
                if (c == '"') {
                    return value.toString();
                }
                if (c == '\\' && position < line.length()) {
                    char escaped = line.charAt(position++);
                    value.append(escaped == 'n' ? '\n' : escaped);
                } else {
                    value.append(c);
                }
            }
            throw fail("unterminated label value");
        }

        private String identifier(boolean allowColon, String what) {
            int start = position;
            while (position < line.length()) {
                char c = line.charAt(position);
                boolean letter = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || allowColon && c == ':';
                boolean digit = c >= '0' && c <= '9';
                if (letter || digit && position > start) {
                    position++;
                } else {
                    break;
                }
            }
            if (position == start) {
                throw fail("expected " + what);
            }
            return line.substring(start, position);
        }

        private double number(String text) {
            return switch (text) {
                case "+Inf", "Inf" -> Double.POSITIVE_INFINITY;
                case "-Inf" -> Double.NEGATIVE_INFINITY;
                case "NaN" -> Double.NaN;
                default -> {
                    try {
                        yield Double.parseDouble(text);
                    } catch (NumberFormatException e) {
                        throw fail("expected a number as the value, found '" + text + "'");
                    }
                }
            };
        }

        private boolean skipSpaces() {
            int start = position;
            while (position < line.length() && (line.charAt(position) == ' ' || line.charAt(position) == '\t')) {
                position++;
            }
            return position > start;
        }

        private char peek() {
            return position < line.length() ? line.charAt(position) : '\0';
        }

        private void expect(char expected) {
            if (peek() != expected) {
                throw fail("expected '" + expected + "'");
            }
            position++;
        }

        private FormatException fail(String problem) {
            return new FormatException(lineNumber, line, problem + " at column " + (position + 1));
        }
    }
}
