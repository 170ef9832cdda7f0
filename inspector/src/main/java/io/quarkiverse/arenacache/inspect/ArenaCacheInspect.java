package io.quarkiverse.arenacache.inspect;

import java.io.PrintWriter;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

import io.quarkiverse.arenacache.inspect.SnapshotClient.Snapshot;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code arena-cache-inspect}: shows the arena caches of a running Quarkus application, read from its snapshot endpoint
 * ({@code /q/arena-cache}) or its Prometheus meters ({@code /q/metrics}).
 */
@Command(name = "arena-cache-inspect", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        sortOptions = false, usageHelpAutoWidth = true, showDefaultValues = true,
        description = {
                "Shows the arena caches of a running Quarkus application: entries, off-heap bytes used against the "
                        + "budget, hit ratio, evictions, expirations, rejections and loads.",
                "Reads the snapshot endpoint, which is on in dev and test mode; for prod, build the application with:",
                "    " + SnapshotClient.ENABLE_PROPERTY + "=true",
                "With --metrics it reads the cache meters from the Prometheus endpoint instead.",
                "" },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
                "0:success",
                "1:the tool could not run (no Java 25 found by the launcher, or an internal error)",
                "2:usage error: unknown option, bad value, options that do not go together",
                "3:host unreachable: connection refused, unknown host, connect or answer timeout",
                "4:endpoint not found (HTTP 404): snapshot endpoint disabled, wrong --url, no Prometheus metrics",
                "5:unknown cache name (the available names are listed)",
                "6:unexpected content: not JSON or not a snapshot, not Prometheus text, or another HTTP status" },
        footerHeading = "%nExamples:%n",
        footer = {
                "  arena-cache-inspect                          all caches, one line each",
                "  arena-cache-inspect --cache users            one cache in detail",
                "  arena-cache-inspect --watch --interval 1s    redraw every second until Ctrl+C",
                "  arena-cache-inspect --metrics                cache meters from /q/metrics",
                "  arena-cache-inspect --json | jq '.caches[] | .name'",
                "  arena-cache-inspect --url http://localhost:9000/q/arena-cache" })
public final class ArenaCacheInspect implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = { "-u", "--url" }, paramLabel = "URL", defaultValue = EndpointUrls.DEFAULT_URL,
            description = "Snapshot endpoint of the application. A URL with no path gets "
                    + EndpointUrls.DEFAULT_PATH + ".")
    EndpointUrls url;

    @Option(names = { "-c", "--cache" }, paramLabel = "NAME",
            description = "Show one cache in detail: settings, statistics, shards and generation occupancy. "
                    + "With --metrics: only this cache's meters.")
    String cacheName;

    @Option(names = "--json", description = "Print the JSON as received (pretty-printed) instead of tables.")
    boolean json;

    @Option(names = { "-m", "--metrics" },
            description = "Show the cache meters (cache_* and arena_cache_* with a cache label) from the Prometheus "
                    + "endpoint instead of the snapshot.")
    boolean metrics;

    @Option(names = "--metrics-url", paramLabel = "URL",
            description = "Prometheus endpoint for --metrics. Default: next to --url, e.g. "
                    + "http://localhost:8080/q/metrics.")
    EndpointUrls metricsUrl;

    @Option(names = { "-w", "--watch" },
            description = "Refresh every --interval until interrupted (Ctrl+C). On a terminal the screen is redrawn; "
                    + "otherwise snapshots follow each other after a timestamp line.")
    boolean watch;

    @Option(names = { "-i", "--interval" }, paramLabel = "DURATION", defaultValue = "2s",
            description = "Time between refreshes with --watch: 500ms, 2s, 1m, or ISO-8601 such as PT2S.")
    Duration interval;

    @Option(names = { "-n", "--count" }, paramLabel = "N",
            description = "With --watch: stop after N refreshes (default: until interrupted).")
    Integer count;

    @Option(names = { "-t", "--timeout" }, paramLabel = "DURATION", defaultValue = "5s",
            description = "Connect timeout, and again the time allowed for the answer: 500ms, 5s, PT5S.")
    Duration timeout;

    private final Environment environment;

    /** A command that uses the real console, clock and sleep. */
    public ArenaCacheInspect() {
        this(Environment.system());
    }

    public ArenaCacheInspect(Environment environment) {
        this.environment = environment;
    }

    public static void main(String[] args) {
        System.exit(commandLine(Environment.system()).execute(args));
    }

    /**
     * The configured picocli command line: converters for URLs and durations registered (no reflection needed for
     * them), usage errors mapped to {@link ExitCode#USAGE}. Call {@code setOut}/{@code setErr} to capture output.
     */
    public static CommandLine commandLine(Environment environment) {
        CommandLine commandLine = new CommandLine(new ArenaCacheInspect(environment));
        commandLine.registerConverter(Duration.class, value -> convert(() -> Durations.parsePositive(value)));
        commandLine.registerConverter(EndpointUrls.class, value -> convert(() -> EndpointUrls.parse(value)));
        commandLine.getCommandSpec().exitCodeOnInvalidInput(ExitCode.USAGE);
        commandLine.getCommandSpec().exitCodeOnExecutionException(ExitCode.INTERNAL_ERROR);
        commandLine.setParameterExceptionHandler(ArenaCacheInspect::usageError);
        return commandLine;
    }

    /** A usage error gets one line and a pointer to --help, not the whole help text. */
    private static int usageError(ParameterException e, String[] args) {
        CommandLine commandLine = e.getCommandLine();
        PrintWriter err = commandLine.getErr();
        err.println("arena-cache-inspect: " + e.getMessage());
        CommandLine.UnmatchedArgumentException.printSuggestions(e, err);
        err.println("Try 'arena-cache-inspect --help' for the options and exit codes.");
        err.flush();
        return commandLine.getCommandSpec().exitCodeOnInvalidInput();
    }

    /** Lets picocli print our message as is: "Invalid value for option '--timeout': '0s' must be ...". */
    private static <T> T convert(Supplier<T> conversion) {
        try {
            return conversion.get();
        } catch (IllegalArgumentException e) {
            throw new CommandLine.TypeConversionException(e.getMessage());
        }
    }

    /**
     * Runs the tool in-process, e.g. from a test against a real application:
     * {@code run(Environment.system(), out, err, "--url", url, "--cache", "users")}.
     *
     * @return the exit code (see {@link ExitCode})
     */
    public static int run(Environment environment, PrintWriter out, PrintWriter err, String... args) {
        CommandLine commandLine = commandLine(environment);
        commandLine.setOut(out);
        commandLine.setErr(err);
        int exitCode = commandLine.execute(args);
        out.flush();
        err.flush();
        return exitCode;
    }

    @Override
    public Integer call() {
        checkOptionCombinations();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (HttpFetcher fetcher = new HttpFetcher(timeout)) {
            Supplier<String> frame = frame(fetcher);
            if (!watch) {
                out.print(frame.get());
                out.flush();
                return ExitCode.OK;
            }
            return new Watcher(environment, out, err, interval, count, source().toString(), json).run(frame);
        } catch (InspectException e) {
            err.println("arena-cache-inspect: " + e.getMessage());
            err.flush();
            return e.exitCode();
        }
    }

    private void checkOptionCombinations() {
        CommandLine.ParseResult parsed = spec.commandLine().getParseResult();
        if (!watch && parsed.hasMatchedOption("--interval")) {
            throw new ParameterException(spec.commandLine(), "--interval only applies with --watch");
        }
        if (!watch && count != null) {
            throw new ParameterException(spec.commandLine(), "--count only applies with --watch");
        }
        if (count != null && count < 1) {
            throw new ParameterException(spec.commandLine(), "--count must be at least 1, was " + count);
        }
        if (!metrics && metricsUrl != null) {
            throw new ParameterException(spec.commandLine(), "--metrics-url only applies with --metrics");
        }
        if (cacheName != null && cacheName.isBlank()) {
            throw new ParameterException(spec.commandLine(), "--cache needs a cache name");
        }
    }

    private URI source() {
        if (metrics) {
            return metricsUri();
        }
        return cacheName == null ? url.snapshot() : url.cache(cacheName);
    }

    private URI metricsUri() {
        return metricsUrl != null ? metricsUrl.snapshot() : url.metrics();
    }

    /** What one refresh prints, for the chosen options. */
    private Supplier<String> frame(HttpFetcher fetcher) {
        if (metrics) {
            MetricsClient client = new MetricsClient(fetcher, metricsUri());
            return () -> metricsFrame(client);
        }
        SnapshotClient client = new SnapshotClient(fetcher, url);
        if (cacheName != null) {
            return () -> {
                Snapshot snapshot = client.one(cacheName);
                return json ? Json.pretty(snapshot.json()) + "\n"
                        : CacheDetailView.render(snapshot.caches().getFirst());
            };
        }
        return () -> {
            Snapshot snapshot = client.all();
            return json ? Json.pretty(snapshot.json()) + "\n" : CacheTableView.render(snapshot.caches());
        };
    }

    private String metricsFrame(MetricsClient client) {
        CacheMeters meters = client.cacheMeters();
        if (cacheName != null) {
            CacheMeters selected = meters.only(cacheName);
            if (selected.isEmpty()) {
                throw new InspectException(ExitCode.UNKNOWN_CACHE, "No cache meters for '" + cacheName + "' at "
                        + client.uri() + ". " + (meters.isEmpty() ? "There are no cache meters at all."
                                : "Meters exist for: " + String.join(", ", meters.byCache().keySet()) + "."));
            }
            meters = selected;
        }
        if (json) {
            return Json.pretty(meters.toJson()) + "\n";
        }
        if (meters.isEmpty()) {
            return "No cache meters at " + client.uri() + " (looked for cache_* and arena_cache_* samples with a "
                    + "cache label). Does the application have caches, with metrics enabled?\n";
        }
        return meters.render();
    }
}
