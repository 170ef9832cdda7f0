package io.quarkiverse.arenacache.inspect;

import java.net.URI;

/**
 * Reads the application's Prometheus endpoint ({@code /q/metrics}) and keeps the cache meters. A 404 means the
 * application exposes no Prometheus metrics there ({@link ExitCode#ENDPOINT_NOT_FOUND}); an answer that is not in the
 * exposition format is {@link ExitCode#UNEXPECTED_CONTENT}.
 */
public final class MetricsClient {

    private final HttpFetcher fetcher;
    private final URI metricsUri;

    public MetricsClient(HttpFetcher fetcher, URI metricsUri) {
        this.fetcher = fetcher;
        this.metricsUri = metricsUri;
    }

    public URI uri() {
        return metricsUri;
    }

    public CacheMeters cacheMeters() {
        // Plain Prometheus text: Quarkus answers OpenMetrics only when asked for it.
        HttpFetcher.Answer answer = fetcher.get(metricsUri, "text/plain; version=0.0.4, text/plain;q=0.9, */*;q=0.1");
        if (answer.status() == 404) {
            throw new InspectException(ExitCode.ENDPOINT_NOT_FOUND, "Not found: " + metricsUri + " answered HTTP 404.\n"
                    + "Prometheus metrics need the quarkus-micrometer-registry-prometheus extension\n"
                    + "in the application; with the management interface enabled they are on the management port\n"
                    + "(e.g. http://localhost:9000/q/metrics). Point --metrics-url at them if they are elsewhere.");
        }
        if (answer.status() != 200) {
            throw new InspectException(ExitCode.UNEXPECTED_CONTENT, "Unexpected answer from " + metricsUri + ": HTTP "
                    + answer.status() + ".\nFirst bytes: " + answer.firstBytes());
        }
        try {
            return CacheMeters.select(PrometheusText.parse(answer.body()));
        } catch (PrometheusText.FormatException e) {
            throw new InspectException(ExitCode.UNEXPECTED_CONTENT, "Unexpected content from " + metricsUri
                    + ": not Prometheus metrics text (" + e.getMessage() + "; content type '" + answer.contentType()
                    + "'). Is --metrics-url the Prometheus endpoint?\nFirst bytes: " + answer.firstBytes(), e);
        }
    }
}
