package io.quarkiverse.arenacache.deployment.devui;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.JavaArchive;

import io.quarkiverse.arenacache.deployment.test.Utf8Codec;

/** The dev-mode application shared by the Dev UI tests. */
final class DevUiTestSupport {

    /** The JSON-RPC namespace of the extension: its runtime artifact id. */
    static final String NAMESPACE = "quarkus-arena-cache";

    private DevUiTestSupport() {
    }

    /**
     * @return a port nobody listens on right now: several builds share this machine (a fixed port made one build's
     *         test read the other build's application)
     */
    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @param port a free port (see {@link #freePort()}), away from 8080 where dev-mode tests of other modules listen
     */
    static JavaArchive app(JavaArchive jar, int port) {
        return jar.addClasses(DevUiTestApp.class, CustomKeyCodec.class, Utf8Codec.class)
                .addAsResource(new StringAsset(String.join("\n",
                        "quarkus.http.host=127.0.0.1",
                        "quarkus.http.port=" + port,
                        // Small slabs (256 KiB / 4 shards / 8 generations = 8 KiB): traffic fills several generations
                        "quarkus.arena-cache.\"users\".max-memory=256K",
                        "quarkus.arena-cache.\"users\".shards=4",
                        "quarkus.arena-cache.\"scores\".max-memory=1M",
                        "quarkus.arena-cache.\"scores\".expire-after-write=10M",
                        "quarkus.arena-cache.\"blobs\".max-memory=1M",
                        "quarkus.arena-cache.\"blobs\".key-codec=" + CustomKeyCodec.class.getName(),
                        "")), "application.properties");
    }

    static String baseUrl(int port) {
        return "http://127.0.0.1:" + port;
    }
}
