package io.quarkiverse.arenacache.benchmarks.report;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Turns the Markdown the {@link Reporter} writes into AsciiDoc for the Antora docs page, so a run's tables can be
 * pasted into {@code benchmarks.adoc} as they are. Only what the reporter emits is handled: headings (shifted one
 * level down, so the report's title becomes a {@code ==} section), pipe tables, bullets, bold, inline code and
 * images.
 */
final class AsciiDoc {

    private static final Pattern BOLD = Pattern.compile("\\*\\*(.+?)\\*\\*");
    private static final Pattern IMAGE = Pattern.compile("^!\\[(.*)]\\((.*)\\)$");

    private AsciiDoc() {
    }

    static String fromMarkdown(String markdown) {
        StringBuilder adoc = new StringBuilder();
        List<String> table = new ArrayList<>();
        for (String line : markdown.split("\n", -1)) {
            if (line.startsWith("|")) {
                table.add(line);
                continue;
            }
            if (!table.isEmpty()) {
                table(table, adoc);
                table.clear();
            }
            adoc.append(line(line)).append('\n');
        }
        if (!table.isEmpty()) {
            table(table, adoc);
        }
        return adoc.toString().stripTrailing() + "\n";
    }

    private static String line(String line) {
        int level = 0;
        while (level < line.length() && line.charAt(level) == '#') {
            level++;
        }
        if (level > 0 && level < line.length() && line.charAt(level) == ' ') {
            return "=".repeat(level + 1) + inline(line.substring(level));
        }
        if (line.startsWith("- ")) {
            return "* " + inline(line.substring(2));
        }
        var image = IMAGE.matcher(line);
        if (image.matches()) {
            return "image::" + image.group(2) + "[" + image.group(1) + "]";
        }
        return inline(line);
    }

    private static String inline(String text) {
        return BOLD.matcher(text).replaceAll("*$1*");
    }

    /** A Markdown pipe table (header row, separator row, body rows) as an AsciiDoc table with a header row. */
    private static void table(List<String> rows, StringBuilder adoc) {
        List<List<String>> cells = new ArrayList<>();
        for (String row : rows) {
            List<String> fields = cells(row);
            if (fields.stream().allMatch(f -> f.matches(":?-+:?"))) {
                continue; // the separator row
            }
            cells.add(fields);
        }
        int columns = cells.getFirst().size();
        adoc.append("[cols=\"").append(",".repeat(Math.max(0, columns - 1))).append("\",options=\"header\",]\n");
        adoc.append("|===\n");
        for (List<String> fields : cells) {
            for (int i = 0; i < fields.size(); i++) {
                adoc.append(i == 0 ? "|" : " |").append(inline(fields.get(i)));
            }
            adoc.append('\n');
        }
        adoc.append("|===\n");
    }

    private static List<String> cells(String row) {
        String inner = row.strip();
        inner = inner.substring(1, inner.endsWith("|") ? inner.length() - 1 : inner.length());
        List<String> fields = new ArrayList<>();
        for (String field : inner.split("\\|", -1)) {
            fields.add(field.strip());
        }
        return fields;
    }
}
