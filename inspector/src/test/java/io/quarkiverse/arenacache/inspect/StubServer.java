package io.quarkiverse.arenacache.inspect;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A local HTTP server on 127.0.0.1 (ephemeral port) answering recorded content per exact path; paths without a route
 * get a plain-text 404, like a Quarkus application whose snapshot endpoint is disabled. Closing it releases any
 * request parked by {@link #hang(String)}.
 */
final class StubServer implements AutoCloseable {

    private record Route(int status, String contentType, byte[] body) {
    }

    private final HttpServer server;
    private final Map<String, Route> routes = new ConcurrentHashMap<>();
    private final Map<String, CountDownLatch> hanging = new ConcurrentHashMap<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final List<String> acceptHeaders = new CopyOnWriteArrayList<>();

    StubServer() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", this::handle);
        server.start();
    }

    /** {@code http://127.0.0.1:<port>}. */
    URI origin() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** {@code http://127.0.0.1:<port>/q/arena-cache}: where a Quarkus application serves the snapshot. */
    String snapshotUrl() {
        return origin() + "/q/arena-cache";
    }

    StubServer route(String path, int status, String contentType, String body) {
        routes.put(path, new Route(status, contentType, body.getBytes(StandardCharsets.UTF_8)));
        return this;
    }

    StubServer json(String path, int status, String resource) {
        return route(path, status, "application/json", resource(resource));
    }

    /** Requests to this path get no answer until the server closes: the client's request timeout must fire. */
    StubServer hang(String path) {
        hanging.put(path, new CountDownLatch(1));
        return this;
    }

    List<String> requests() {
        return List.copyOf(requests);
    }

    List<String> acceptHeaders() {
        return List.copyOf(acceptHeaders);
    }

    static String resource(String name) {
        try (InputStream in = StubServer.class.getResourceAsStream("/stub/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource stub/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getRawPath();
        requests.add(path);
        acceptHeaders.add(String.valueOf(exchange.getRequestHeaders().getFirst("Accept")));
        CountDownLatch latch = hanging.get(path);
        if (latch != null) {
            try {
                latch.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
            return;
        }
        Route route = routes.getOrDefault(path, new Route(404, "text/plain",
                ("Resource not found: " + path).getBytes(StandardCharsets.UTF_8)));
        exchange.getResponseHeaders().set("Content-Type", route.contentType());
        exchange.sendResponseHeaders(route.status(), route.body().length == 0 ? -1 : route.body().length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(route.body());
        }
    }

    @Override
    public void close() {
        hanging.values().forEach(CountDownLatch::countDown);
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
