package io.quarkiverse.arenacache.inspect;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The URLs the tool talks to, all derived from {@code --url}. The snapshot endpoint lives under Quarkus's
 * non-application root ({@code /q} unless configured), and so does the Prometheus endpoint: the metrics URL is the
 * snapshot URL with its last path segment replaced by {@code metrics} ({@code http://h:9000/q/arena-cache} gives
 * {@code http://h:9000/q/metrics}; {@code http://h/admin/arena-cache} gives {@code http://h/admin/metrics}).
 */
public record EndpointUrls(URI snapshot) {

    /** The snapshot endpoint path appended when {@code --url} names only a host. */
    public static final String DEFAULT_PATH = "/q/arena-cache";
    /** The default {@code --url}. */
    public static final String DEFAULT_URL = "http://localhost:8080" + DEFAULT_PATH;

    /**
     * Checks and normalizes {@code --url}: http or https, a host, no query or fragment; a trailing slash is dropped and
     * an empty path becomes {@value #DEFAULT_PATH}.
     *
     * @throws IllegalArgumentException with a message for the user
     */
    public static EndpointUrls parse(String text) {
        URI uri;
        try {
            uri = new URI(text.trim());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("'" + text + "' is not a URL (" + e.getReason() + "); expected e.g. "
                    + DEFAULT_URL);
        }
        String scheme = uri.getScheme();
        if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))) {
            throw new IllegalArgumentException("'" + text + "' is not an http:// or https:// URL; expected e.g. "
                    + DEFAULT_URL);
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw new IllegalArgumentException("'" + text + "' has no host; expected e.g. " + DEFAULT_URL);
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new IllegalArgumentException("'" + text + "' has a query or fragment; give the endpoint URL only,"
                    + " e.g. " + DEFAULT_URL);
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        if (path.isEmpty()) {
            path = DEFAULT_PATH;
        }
        return new EndpointUrls(URI.create(scheme.toLowerCase(java.util.Locale.ROOT) + "://" + uri.getRawAuthority()
                + path));
    }

    /** {@code <snapshot>/<name>}, the name percent-encoded as one path segment. */
    public URI cache(String name) {
        String segment = URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
        return URI.create(snapshot + "/" + segment);
    }

    /** The Prometheus endpoint next to the snapshot endpoint (see the class comment). */
    public URI metrics() {
        String path = snapshot.getRawPath();
        String parent = path.substring(0, path.lastIndexOf('/'));
        return URI.create(origin() + parent + "/metrics");
    }

    /** {@code host:port}, with the scheme's default port when the URL has none; for error messages. */
    public static String hostAndPort(URI uri) {
        int port = uri.getPort() != -1 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
        return uri.getHost() + ":" + port;
    }

    private String origin() {
        return snapshot.getScheme() + "://" + snapshot.getRawAuthority();
    }
}
