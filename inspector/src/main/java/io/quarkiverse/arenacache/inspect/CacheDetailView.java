package io.quarkiverse.arenacache.inspect;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkiverse.arenacache.inspect.SnapshotModel.CacheView;
import io.quarkiverse.arenacache.inspect.SnapshotModel.GenerationView;
import io.quarkiverse.arenacache.inspect.SnapshotModel.ShardView;
import io.quarkiverse.arenacache.inspect.TextTable.Align;

/**
 * {@code --cache NAME}: settings, statistics, one row per shard and an occupancy bar per generation slab. Settings and
 * statistics are printed field by field from the JSON, so fields the application adds later show up without a new
 * release of the tool; units are inferred from the field names ({@code *Bytes*}, {@code *Nanos}, {@code *Ratio}).
 */
public final class CacheDetailView {

    static final int BAR_WIDTH = 20;
    static final char LIVE = '#';
    static final char DEAD = '-';
    static final char FREE = '.';

    private CacheDetailView() {
    }

    public static String render(CacheView cache) {
        StringBuilder text = new StringBuilder();
        text.append("Cache ").append(cache.name()).append(cache.closed() ? " (closed)" : "").append("\n\n");
        if (!cache.statsAvailable()) {
            return text.append("The cache is closed: its off-heap memory is released and it has no settings or")
                    .append(" statistics any more.\n").toString();
        }
        text.append("Settings\n");
        appendFields(text, fields(cache.settings()));
        text.append("\nStatistics\n");
        List<String[]> stats = fields(cache.stats());
        stats.addAll(derivedStats(cache));
        appendFields(text, stats);
        if (!cache.shards().isEmpty()) {
            text.append("\nShards\n").append(indent(shardTable(cache.shards())));
            text.append("\nGenerations (oldest first; ").append(LIVE).append(" live bytes, ").append(DEAD)
                    .append(" dead bytes, ").append(FREE).append(" free; > the head being written)\n");
            for (ShardView shard : cache.shards()) {
                appendGenerations(text, shard);
            }
        }
        return text.toString();
    }

    /** Label and formatted value of every field, in the order the application sent them. */
    private static List<String[]> fields(ObjectNode object) {
        List<String[]> fields = new ArrayList<>();
        for (Map.Entry<String, JsonNode> field : object.properties()) {
            fields.add(new String[] { label(field.getKey()), value(field.getKey(), field.getValue()) });
        }
        return fields;
    }

    /** Numbers the application does not send but a reader wants: the budget share and the mean load time. */
    private static List<String[]> derivedStats(CacheView cache) {
        List<String[]> derived = new ArrayList<>();
        double budgetShare = Units.ratio(cache.bytesUsed(), cache.maxMemory());
        derived.add(new String[] { "budget in use", Units.bytes(cache.bytesUsed()) + " of "
                + Units.bytes(cache.maxMemory()) + " (" + Units.percent(budgetShare) + ")" });
        long loads = cache.loadSuccesses() + cache.loadFailures();
        JsonNode loadNanos = cache.stats().get("totalLoadTimeNanos");
        if (loads > 0 && loadNanos != null && loadNanos.canConvertToLong()) {
            derived.add(new String[] { "average load time",
                    Durations.format(Duration.ofNanos(loadNanos.longValue() / loads)) });
        }
        return derived;
    }

    private static void appendFields(StringBuilder text, List<String[]> fields) {
        int width = fields.stream().mapToInt(field -> field[0].length()).max().orElse(0);
        for (String[] field : fields) {
            text.append("  ").append(field[0]).append(" ".repeat(width - field[0].length() + 2)).append(field[1])
                    .append('\n');
        }
    }

    /** {@code expireAfterWrite} becomes {@code expire after write}; a {@code Nanos} suffix is dropped. */
    static String label(String field) {
        String name = field.endsWith("Nanos") ? field.substring(0, field.length() - "Nanos".length()) : field;
        return name.replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
    }

    static String value(String field, JsonNode value) {
        if (value == null || value.isNull()) {
            return "none";
        }
        String lower = field.toLowerCase(Locale.ROOT);
        if (value.isNumber()) {
            if (lower.endsWith("nanos")) {
                return Durations.format(Duration.ofNanos(value.longValue()));
            }
            if (lower.endsWith("ratio")) {
                return Units.percent(value.doubleValue());
            }
            if ((lower.contains("bytes") || lower.equals("maxmemory")) && value.canConvertToLong()) {
                return Units.bytes(value.longValue()) + " (" + Units.count(value.longValue()) + " bytes)";
            }
            return value.isIntegralNumber() ? Units.count(value.longValue())
                    : String.format(Locale.ROOT, "%.3f", value.doubleValue());
        }
        if (value.isTextual()) {
            String text = value.asText();
            if (text.startsWith("P")) {
                try {
                    return Durations.format(Duration.parse(text)) + " (" + text + ")";
                } catch (DateTimeParseException notADuration) {
                    return text;
                }
            }
            return text;
        }
        return value.toString();
    }

    private static String shardTable(List<ShardView> shards) {
        TextTable table = new TextTable()
                .column("SHARD", Align.RIGHT)
                .column("ENTRIES", Align.RIGHT)
                .column("USED", Align.RIGHT)
                .column("COMMITTED", Align.RIGHT)
                .column("INDEX CAPACITY", Align.RIGHT)
                .column("INDEX LOAD", Align.RIGHT);
        for (ShardView shard : shards) {
            table.row(String.valueOf(shard.index()),
                    Units.count(shard.entries()),
                    Units.bytes(shard.bytesUsed()),
                    Units.bytes(shard.bytesCommitted()),
                    Units.count(shard.indexCapacity()),
                    shard.indexCapacity() == 0 ? "-"
                            : Units.percent(Units.ratio(shard.entries(), shard.indexCapacity())));
        }
        return table.render();
    }

    private static void appendGenerations(StringBuilder text, ShardView shard) {
        text.append("  shard ").append(shard.index());
        if (shard.generations().isEmpty()) {
            text.append(": no slab allocated yet\n");
            return;
        }
        text.append('\n');
        // Oldest first; slabs not allocated yet (capacity 0) have no age and go last.
        List<GenerationView> byAge = shard.generations().stream()
                .sorted(Comparator.comparing((GenerationView generation) -> generation.capacity() <= 0)
                        .thenComparingLong(GenerationView::epoch))
                .toList();
        TextTable table = new TextTable()
                .column("", Align.LEFT)
                .column("EPOCH", Align.RIGHT)
                .column("SLOT", Align.RIGHT)
                .column("OCCUPANCY", Align.LEFT)
                .column("LIVE", Align.RIGHT)
                .column("USED / CAPACITY", Align.RIGHT)
                .column("WRITTEN", Align.RIGHT)
                .column("ENTRIES", Align.RIGHT);
        for (GenerationView generation : byAge) {
            table.row(generation.head() ? ">" : "",
                    String.valueOf(generation.epoch()),
                    String.valueOf(generation.slot()),
                    bar(generation),
                    generation.capacity() == 0 ? "-"
                            : Units.percent(Units.ratio(generation.bytesUsed(), generation.capacity())),
                    Units.bytes(generation.bytesUsed()) + " / " + Units.bytes(generation.capacity()),
                    Units.bytes(generation.bytesWritten()),
                    Units.count(generation.entries()));
        }
        text.append(indent(indent(table.render())));
    }

    /** {@code [######----..........]}: live bytes, then written-but-dead bytes, then free space, of the capacity. */
    static String bar(GenerationView generation) {
        if (generation.capacity() <= 0) {
            String notAllocated = "not allocated";
            return "[" + notAllocated + " ".repeat(BAR_WIDTH - notAllocated.length()) + "]";
        }
        int live = cells(generation.bytesUsed(), generation.capacity());
        long deadBytes = Math.max(0, generation.bytesWritten() - generation.bytesUsed());
        int dead = Math.min(BAR_WIDTH - live, cells(deadBytes, generation.capacity()));
        return "[" + String.valueOf(LIVE).repeat(live) + String.valueOf(DEAD).repeat(dead)
                + String.valueOf(FREE).repeat(BAR_WIDTH - live - dead) + "]";
    }

    /** Rounded share of the bar, but at least one cell for any byte at all: a slab in use never looks empty. */
    private static int cells(long bytes, long capacity) {
        int cells = (int) Math.round(Units.ratio(bytes, capacity) * BAR_WIDTH);
        return bytes > 0 ? Math.max(1, cells) : cells;
    }

    private static String indent(String lines) {
        return lines.indent(2);
    }
}
