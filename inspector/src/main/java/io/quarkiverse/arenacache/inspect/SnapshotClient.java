package io.quarkiverse.arenacache.inspect;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkiverse.arenacache.inspect.SnapshotModel.CacheView;

/**
 * Reads the snapshot endpoint and tells the failure classes apart: a 404 carrying the endpoint's own
 * {@code {"error":..,"caches":[..]}} means an unknown cache name ({@link ExitCode#UNKNOWN_CACHE}); any other 404 means
 * the endpoint is not there ({@link ExitCode#ENDPOINT_NOT_FOUND}); anything else that is not a 200 with a snapshot's
 * JSON is {@link ExitCode#UNEXPECTED_CONTENT}.
 */
public final class SnapshotClient {

    /** The property that turns the endpoint on (it is off in prod mode by default). */
    public static final String ENABLE_PROPERTY = "quarkus.arena-cache.snapshot.enabled";

    private final HttpFetcher fetcher;
    private final EndpointUrls urls;

    public SnapshotClient(HttpFetcher fetcher, EndpointUrls urls) {
        this.fetcher = fetcher;
        this.urls = urls;
    }

    /** A fetched snapshot: the JSON as sent (for {@code --json}) and the views read from it. */
    public record Snapshot(JsonNode json, List<CacheView> caches) {
    }

    /** {@code GET <url>}: every cache. */
    public Snapshot all() {
        HttpFetcher.Answer answer = fetcher.get(urls.snapshot(), "application/json");
        JsonNode json = parseSnapshotAnswer(answer);
        return new Snapshot(json, read(answer, () -> SnapshotReader.readAll(json)));
    }

    /** {@code GET <url>/<name>}: one cache. */
    public Snapshot one(String name) {
        HttpFetcher.Answer answer = fetcher.get(urls.cache(name), "application/json");
        JsonNode json = parseSnapshotAnswer(answer);
        return new Snapshot(json, List.of(read(answer, () -> SnapshotReader.readOne(json))));
    }

    private static <T> T read(HttpFetcher.Answer answer, Supplier<T> reader) {
        try {
            return reader.get();
        } catch (SnapshotReader.ShapeException e) {
            throw new InspectException(ExitCode.UNEXPECTED_CONTENT, "Unexpected content from " + answer.uri()
                    + ": the JSON is not an arena-cache snapshot (" + e.getMessage() + ")."
                    + " Is --url the snapshot endpoint, and is the tool's version the application's?", e);
        }
    }

    private static JsonNode parseSnapshotAnswer(HttpFetcher.Answer answer) {
        if (answer.status() == 404) {
            throw notFound(answer);
        }
        if (answer.status() != 200) {
            throw new InspectException(ExitCode.UNEXPECTED_CONTENT, "Unexpected answer from " + answer.uri() + ": HTTP "
                    + answer.status() + hint(answer.status()) + ".\nFirst bytes: " + answer.firstBytes());
        }
        return Json.parse(answer.body()).orElseThrow(() -> new InspectException(ExitCode.UNEXPECTED_CONTENT,
                "Unexpected content from " + answer.uri() + ": HTTP 200 but not JSON (content type '"
                        + answer.contentType() + "'). Is --url the snapshot endpoint?\nFirst bytes: "
                        + answer.firstBytes()));
    }

    private static InspectException notFound(HttpFetcher.Answer answer) {
        JsonNode body = Json.parse(answer.body()).orElse(null);
        if (body != null && body.path("error").isTextual() && body.path("caches").isArray()) {
            List<String> names = new ArrayList<>();
            body.path("caches").forEach(name -> names.add(name.asText()));
            String error = body.path("error").asText().strip().replaceAll("\\.$", "");
            return new InspectException(ExitCode.UNKNOWN_CACHE, error + ". "
                    + (names.isEmpty() ? "The application has no arena caches."
                            : "Available caches: " + String.join(", ", names) + "."));
        }
        return new InspectException(ExitCode.ENDPOINT_NOT_FOUND, "Not found: " + answer.uri() + " answered HTTP 404.\n"
                + "The arena-cache snapshot endpoint is off in prod mode unless the application is built with\n"
                + "    " + ENABLE_PROPERTY + "=true\n"
                + "(a build-time property; the endpoint is on in dev and test mode). Also check --url: with the\n"
                + "management interface enabled the endpoint is on the management port, e.g.\n"
                + "http://localhost:9000" + EndpointUrls.DEFAULT_PATH + "; quarkus.http.non-application-root-path"
                + " replaces /q and\n"
                + "quarkus.arena-cache.snapshot.path replaces arena-cache.");
    }

    private static String hint(int status) {
        return switch (status) {
            case 401, 403 -> " (the endpoint is protected: this tool sends no credentials)";
            case 500 -> " (the application failed to build the snapshot: see its log)";
            case 502, 503, 504 -> " (the application or a proxy in front of it is not ready)";
            default -> "";
        };
    }
}
