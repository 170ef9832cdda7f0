package io.quarkiverse.arenacache.inspect;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Plain HTTP GETs with a connect and a request timeout. Every way of not getting an answer becomes an
 * {@link InspectException} with {@link ExitCode#UNREACHABLE} and a message naming {@code host:port}; what the
 * answer means is for the caller to judge.
 */
public final class HttpFetcher implements AutoCloseable {

    private final HttpClient client;
    private final Duration timeout;

    public HttpFetcher(Duration timeout) {
        this.timeout = timeout;
        this.client = HttpClient.newBuilder()
                .connectTimeout(timeout)
                // Plain HTTP/1.1: no h2c upgrade attempt that a proxy in front of the application might mishandle.
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
    }

    /** An HTTP answer, whatever its status. */
    public record Answer(URI uri, int status, String contentType, String body) {

        /** The body's start, single-line and bounded, to show in error messages. */
        public String firstBytes() {
            String oneLine = body.strip().replaceAll("\\s+", " ");
            if (oneLine.isEmpty()) {
                return "(empty body)";
            }
            return oneLine.length() > 200 ? oneLine.substring(0, 200) + "..." : oneLine;
        }
    }

    public Answer get(URI uri, String accept) {
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .header("Accept", accept)
                .header("User-Agent", "arena-cache-inspect")
                .GET()
                .build();
        try {
            HttpResponse<String> response = client.send(request,
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Answer(uri, response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body());
        } catch (HttpConnectTimeoutException e) {
            throw unreachable(uri, "no connection within " + Durations.format(timeout)
                    + " (host down or a firewall dropping packets?)", e);
        } catch (HttpTimeoutException e) {
            throw unreachable(uri, "connected, but no answer within " + Durations.format(timeout)
                    + " (application busy or stuck? try a longer --timeout)", e);
        } catch (ConnectException e) {
            throw unreachable(uri, connectProblem(e), e);
        } catch (IOException e) {
            throw unreachable(uri, "I/O error: " + describe(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unreachable(uri, "interrupted while waiting for the answer", e);
        }
    }

    private static String connectProblem(ConnectException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof UnresolvedAddressException || cause instanceof UnknownHostException) {
                return "unknown host (the name does not resolve)";
            }
        }
        return "connection refused (is the application running and listening on this port?)";
    }

    private static String describe(Throwable e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }

    private static InspectException unreachable(URI uri, String problem, Throwable cause) {
        return new InspectException(ExitCode.UNREACHABLE,
                "Cannot reach " + EndpointUrls.hostAndPort(uri) + ": " + problem + ". URL: " + uri, cause);
    }

    @Override
    public void close() {
        client.shutdownNow();
    }
}
