package io.quarkiverse.arenacache.deployment.devui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.devui.tests.DevUIJsonRPCTest;
import io.quarkus.test.QuarkusDevModeTest;

/**
 * Every JSON-RPC method of the Dev UI, against a dev-mode application with known cache contents (see
 * {@link DevUiTestApp}). The test client waits about three seconds for each answer, so independent calls are made
 * in parallel, and all checks share one application start (QuarkusDevModeTest restarts it for every test method).
 */
public class ArenaCacheDevUIJsonRPCTest extends DevUIJsonRPCTest {

    private static final int PORT = DevUiTestSupport.freePort();
    private static final String NO_KEY_ACTIONS_ON_BLOBS = "Key actions are not available for cache 'blobs': its"
            + " keys are written by the custom codec CustomKeyCodec, so they have no text form";

    @RegisterExtension
    static final QuarkusDevModeTest devMode = new QuarkusDevModeTest()
            .withApplicationRoot(jar -> DevUiTestSupport.app(jar, PORT));

    public ArenaCacheDevUIJsonRPCTest() {
        super(DevUiTestSupport.NAMESPACE, DevUiTestSupport.baseUrl(PORT));
    }

    @Test
    void everyMethodAnswersAsDocumented() throws Exception {
        readsAndErrors();
        keyActionsChangeTheCache();
    }

    private void readsAndErrors() throws Exception {
        List<JsonNode> answers = inParallel(
                () -> executeJsonRPCMethod("getCacheCount"),
                () -> executeJsonRPCMethod("getCaches"),
                () -> executeJsonRPCMethod("getCache", Map.of("name", "users")),
                () -> executeJsonRPCMethod("getCache", Map.of("name", "nope")),
                () -> executeJsonRPCMethod("streamCaches"),
                () -> executeJsonRPCMethod("containsKey", Map.of("name", "users", "key", "alice")),
                () -> executeJsonRPCMethod("containsKey", Map.of("name", "users", "key", "carol")),
                () -> executeJsonRPCMethod("containsKey", Map.of("name", "scores", "key", " 8 ")),
                () -> executeJsonRPCMethod("containsKey", Map.of("name", "scores", "key", "12x")),
                () -> executeJsonRPCMethod("containsKey", Map.of("name", "blobs", "key", "one")),
                () -> executeJsonRPCMethod("containsKey", Map.of("name", "nope", "key", "alice")),
                () -> executeJsonRPCMethod("invalidate", Map.of("name", "nope", "key", "alice")),
                () -> executeJsonRPCMethod("invalidate", Map.of("name", "scores", "key", "")),
                () -> executeJsonRPCMethod("invalidate", Map.of("name", "blobs", "key", "one")),
                () -> executeJsonRPCMethod("invalidateAll", Map.of("name", "nope")));
        int i = 0;

        assertThat(answers.get(i++).asText()).isEqualTo("3");

        JsonNode caches = answers.get(i++);
        assertThat(names(caches)).containsExactly("blobs", "scores", "users");
        JsonNode users = caches.get(2);
        assertThat(users.get("keyType").asText()).isEqualTo("String");
        assertThat(users.get("keyActions").asBoolean()).isTrue();
        assertThat(users.get("closed").asBoolean()).isFalse();
        assertThat(users.get("entries").asLong()).isEqualTo(2);
        assertThat(users.get("hits").asLong()).isEqualTo(1);
        assertThat(users.get("misses").asLong()).isEqualTo(1);
        assertThat(users.get("requests").asLong()).isEqualTo(2);
        assertThat(users.get("hitRatio").asDouble()).isEqualTo(0.5);
        assertThat(users.get("puts").asLong()).isEqualTo(2);
        assertThat(users.get("maxMemory").asLong()).isEqualTo(256 * 1024);
        assertThat(users.get("shards").asInt()).isEqualTo(4);
        assertThat(users.get("generations").asInt()).isEqualTo(8);
        assertThat(users.get("generationBytes").asLong()).isEqualTo(8 * 1024);
        assertThat(users.get("bytesUsed").asLong()).isPositive().isLessThan(8 * 1024);
        assertThat(users.hasNonNull("expireAfterWrite")).as("no TTL").isFalse();
        JsonNode generations = users.get("generationOccupancy");
        assertThat(generations.size()).isEqualTo(users.get("generations").asInt());
        assertThat(generations.get(0).get("age").asInt()).isZero();
        long bytesInGenerations = 0;
        long entriesInGenerations = 0;
        for (JsonNode generation : generations) {
            bytesInGenerations += generation.get("bytesUsed").asLong();
            entriesInGenerations += generation.get("entries").asLong();
        }
        assertThat(bytesInGenerations).isEqualTo(users.get("bytesUsed").asLong());
        assertThat(entriesInGenerations).isEqualTo(2);
        assertThat(users.get("shardOccupancy").size()).isEqualTo(users.get("shards").asInt());
        JsonNode scores = caches.get(1);
        assertThat(scores.get("keyType").asText()).isEqualTo("Long");
        assertThat(scores.get("expireAfterWrite").asText()).isEqualTo("PT10M");
        assertThat(scores.get("entries").asLong()).isEqualTo(2);
        JsonNode blobs = caches.get(0);
        assertThat(blobs.get("keyActions").asBoolean()).isFalse();
        assertThat(blobs.get("keyType").asText()).isEqualTo("custom codec CustomKeyCodec");

        JsonNode usersReply = answers.get(i++);
        assertThat(usersReply.get("ok").asBoolean()).isTrue();
        assertThat(usersReply.get("cache").get("name").asText()).isEqualTo("users");
        assertThat(usersReply.get("cache").get("entries").asLong()).isEqualTo(2);

        JsonNode unknownReply = answers.get(i++);
        assertThat(unknownReply.get("ok").asBoolean()).isFalse();
        assertThat(unknownReply.hasNonNull("cache")).isFalse();
        assertThat(unknownReply.get("message").asText())
                .isEqualTo("No arena cache named 'nope'; the caches are [blobs, scores, users]");

        // The client keeps the last message of the stream it saw after about three seconds: a full list.
        JsonNode streamed = answers.get(i++);
        assertThat(names(streamed)).containsExactly("blobs", "scores", "users");
        assertThat(streamed.get(2).get("entries").asLong()).isEqualTo(2);

        assertAction(answers.get(i++), true, true, "Key 'alice' is present in 'users'");
        assertAction(answers.get(i++), true, false, "Key 'carol' is not present in 'users'");
        assertAction(answers.get(i++), true, true, "Key ' 8 ' is present in 'scores'");
        assertAction(answers.get(i++), false, false, "'12x' is not a valid Long key");
        assertAction(answers.get(i++), false, false, NO_KEY_ACTIONS_ON_BLOBS);
        assertAction(answers.get(i++), false, false,
                "No arena cache named 'nope'; the caches are [blobs, scores, users]");
        assertAction(answers.get(i++), false, false,
                "No arena cache named 'nope'; the caches are [blobs, scores, users]");
        assertAction(answers.get(i++), false, false, "'' is not a valid Long key");
        assertAction(answers.get(i++), false, false, NO_KEY_ACTIONS_ON_BLOBS);
        assertAction(answers.get(i++), false, false,
                "No arena cache named 'nope'; the caches are [blobs, scores, users]");
    }

    private void keyActionsChangeTheCache() throws Exception {
        assertAction(executeJsonRPCMethod("invalidate", Map.of("name", "scores", "key", "7")), true, true,
                "Removed key '7' from 'scores'");
        List<JsonNode> afterRemoval = inParallel(
                () -> executeJsonRPCMethod("containsKey", Map.of("name", "scores", "key", "7")),
                () -> executeJsonRPCMethod("invalidate", Map.of("name", "scores", "key", "7")),
                () -> executeJsonRPCMethod("invalidateAll", Map.of("name", "users")));
        assertAction(afterRemoval.get(0), true, false, "Key '7' is not present in 'scores'");
        assertAction(afterRemoval.get(1), true, false, "Key '7' was not in 'scores': nothing removed");
        assertAction(afterRemoval.get(2), true, true, "Invalidated all entries of 'users' (2 entries)");

        List<JsonNode> after = inParallel(
                () -> executeJsonRPCMethod("getCache", Map.of("name", "scores")),
                () -> executeJsonRPCMethod("getCache", Map.of("name", "users")));
        JsonNode scores = after.get(0).get("cache");
        assertThat(scores.get("entries").asLong()).isEqualTo(1);
        assertThat(scores.get("explicitRemovals").asLong()).isEqualTo(1);
        JsonNode users = after.get(1).get("cache");
        assertThat(users.get("entries").asLong()).isZero();
        assertThat(users.get("explicitRemovals").asLong()).isEqualTo(2);
        // Look-ups from the Dev UI do not count as hits or misses.
        assertThat(users.get("hits").asLong()).isEqualTo(1);
        assertThat(users.get("misses").asLong()).isEqualTo(1);
    }

    private static void assertAction(JsonNode reply, boolean ok, boolean result, String message) {
        assertThat(reply.get("message").asText()).isEqualTo(message);
        assertThat(reply.get("ok").asBoolean()).as("ok of %s", reply).isEqualTo(ok);
        assertThat(reply.get("result").asBoolean()).as("result of %s", reply).isEqualTo(result);
    }

    private static List<String> names(JsonNode views) {
        List<String> names = new ArrayList<>();
        views.forEach(view -> names.add(view.get("name").asText()));
        return names;
    }

    @SafeVarargs
    private static List<JsonNode> inParallel(Callable<JsonNode>... calls) throws Exception {
        ExecutorService executor = Executors.newFixedThreadPool(calls.length);
        try {
            List<Future<JsonNode>> futures = new ArrayList<>();
            for (Callable<JsonNode> call : calls) {
                futures.add(executor.submit(call));
            }
            List<JsonNode> answers = new ArrayList<>();
            for (Future<JsonNode> future : futures) {
                answers.add(future.get());
            }
            return answers;
        } finally {
            executor.shutdownNow();
        }
    }
}
