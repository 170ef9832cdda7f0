package io.quarkiverse.arenacache.inspect;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkiverse.arenacache.inspect.SnapshotModel.CacheView;
import io.quarkiverse.arenacache.inspect.SnapshotModel.GenerationView;
import io.quarkiverse.arenacache.inspect.SnapshotModel.ShardView;

/**
 * Turns the snapshot endpoint's JSON tree into {@link SnapshotModel} records, checking the shape on the way. A missing
 * or mistyped field is reported with its JSON path (e.g. {@code caches[1].stats.hits}), so a version mismatch between
 * the tool and the application is obvious. Fields the views do not need are ignored; {@code shards} is optional.
 */
public final class SnapshotReader {

    private SnapshotReader() {
    }

    /** Reads {@code {"caches":[...]}}. */
    public static List<CacheView> readAll(JsonNode root) {
        JsonNode caches = requireObject(root, "$").get("caches");
        if (caches == null || !caches.isArray()) {
            throw new ShapeException("$.caches", "expected an array of caches, found " + describe(caches));
        }
        List<CacheView> views = new ArrayList<>(caches.size());
        for (int i = 0; i < caches.size(); i++) {
            views.add(readCache(caches.get(i), "caches[" + i + "]"));
        }
        return views;
    }

    /** Reads one cache object, as {@code GET <url>/{name}} returns it. */
    public static CacheView readOne(JsonNode cache) {
        return readCache(cache, "$");
    }

    private static CacheView readCache(JsonNode node, String path) {
        ObjectNode cache = requireObject(node, path);
        String name = requireText(cache, path, "name");
        boolean closed = optionalBoolean(cache, path, "closed");
        if (closed && isNull(cache.get("settings")) && isNull(cache.get("stats"))) {
            // A closed cache has released its memory: the endpoint sends its name only.
            return new CacheView(name, true, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, null, null, List.of());
        }
        ObjectNode settings = requireObject(cache.get("settings"), path + ".settings");
        ObjectNode stats = requireObject(cache.get("stats"), path + ".stats");
        String statsPath = path + ".stats";
        long maxMemory = stats.has("maxMemory") ? requireLong(stats, statsPath, "maxMemory")
                : requireLong(settings, path + ".settings", "maxMemory");
        return new CacheView(name, closed,
                requireLong(stats, statsPath, "entries"),
                requireLong(stats, statsPath, "bytesUsed"),
                maxMemory,
                requireLong(stats, statsPath, "hits"),
                requireLong(stats, statsPath, "misses"),
                requireLong(stats, statsPath, "evictions"),
                requireLong(stats, statsPath, "expirations"),
                requireLong(stats, statsPath, "rejections"),
                requireLong(stats, statsPath, "loadSuccesses"),
                requireLong(stats, statsPath, "loadFailures"),
                settings, stats, readShards(cache, path));
    }

    private static List<ShardView> readShards(ObjectNode cache, String path) {
        JsonNode shards = cache.get("shards");
        if (shards == null || shards.isNull()) {
            return List.of();
        }
        if (!shards.isArray()) {
            throw new ShapeException(path + ".shards", "expected an array, found " + describe(shards));
        }
        List<ShardView> views = new ArrayList<>(shards.size());
        for (int i = 0; i < shards.size(); i++) {
            String shardPath = path + ".shards[" + i + "]";
            ObjectNode shard = requireObject(shards.get(i), shardPath);
            views.add(new ShardView(
                    (int) requireLong(shard, shardPath, "index"),
                    requireLong(shard, shardPath, "entries"),
                    requireLong(shard, shardPath, "bytesUsed"),
                    requireLong(shard, shardPath, "bytesCommitted"),
                    requireLong(shard, shardPath, "indexCapacity"),
                    readGenerations(shard, shardPath)));
        }
        return List.copyOf(views);
    }

    private static List<GenerationView> readGenerations(ObjectNode shard, String path) {
        JsonNode generations = shard.get("generations");
        if (generations == null || generations.isNull()) {
            return List.of();
        }
        if (!generations.isArray()) {
            throw new ShapeException(path + ".generations", "expected an array, found " + describe(generations));
        }
        List<GenerationView> views = new ArrayList<>(generations.size());
        for (int i = 0; i < generations.size(); i++) {
            String generationPath = path + ".generations[" + i + "]";
            ObjectNode generation = requireObject(generations.get(i), generationPath);
            views.add(new GenerationView(
                    (int) requireLong(generation, generationPath, "slot"),
                    requireLong(generation, generationPath, "epoch"),
                    requireLong(generation, generationPath, "entries"),
                    requireLong(generation, generationPath, "bytesUsed"),
                    requireLong(generation, generationPath, "bytesWritten"),
                    requireLong(generation, generationPath, "capacity"),
                    optionalBoolean(generation, generationPath, "head")));
        }
        return List.copyOf(views);
    }

    private static boolean isNull(JsonNode node) {
        return node == null || node.isNull();
    }

    private static ObjectNode requireObject(JsonNode node, String path) {
        if (node instanceof ObjectNode object) {
            return object;
        }
        throw new ShapeException(path, "expected an object, found " + describe(node));
    }

    private static String requireText(ObjectNode parent, String path, String field) {
        JsonNode value = parent.get(field);
        if (value == null || !value.isTextual()) {
            throw new ShapeException(path + "." + field, "expected a string, found " + describe(value));
        }
        return value.asText();
    }

    private static long requireLong(ObjectNode parent, String path, String field) {
        JsonNode value = parent.get(field);
        if (!isWholeNumber(value)) {
            throw new ShapeException(path + "." + field, "expected a whole number, found " + describe(value));
        }
        return value.longValue();
    }

    /** Integers, and floating-point numbers without a fraction (12.0), that fit a long. */
    private static boolean isWholeNumber(JsonNode value) {
        if (value == null || !value.isNumber() || !value.canConvertToLong()) {
            return false;
        }
        return value.isIntegralNumber() || value.doubleValue() == Math.rint(value.doubleValue());
    }

    private static boolean optionalBoolean(ObjectNode parent, String path, String field) {
        JsonNode value = parent.get(field);
        if (value == null || value.isNull()) {
            return false;
        }
        if (!value.isBoolean()) {
            throw new ShapeException(path + "." + field, "expected true or false, found " + describe(value));
        }
        return value.booleanValue();
    }

    private static String describe(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "nothing";
        }
        String type = switch (node.getNodeType()) {
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case NULL -> "null";
            default -> node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
        };
        String text = node.toString();
        return node.isContainerNode() || node.isNull() ? type : type + " (" + (text.length() > 40 ? text.substring(0, 40) + "..." : text)
                + ")";
    }

    /** The JSON does not have the shape of a snapshot; {@link #path()} says where. */
    public static final class ShapeException extends RuntimeException {

        private final String path;

        ShapeException(String path, String problem) {
            super(path + ": " + problem);
            this.path = path;
        }

        public String path() {
            return path;
        }
    }
}
