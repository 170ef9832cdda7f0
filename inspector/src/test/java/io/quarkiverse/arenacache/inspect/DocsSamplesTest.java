package io.quarkiverse.arenacache.inspect;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkiverse.arenacache.inspect.InspectorRun.Result;

/**
 * Keeps the sample output in {@code docs/modules/ROOT/pages/cli.adoc} true: every {@code [source,console]} block
 * there starts with {@code $ arena-cache-inspect ARGS}; the rest of the block must be exactly what the tool prints
 * (stdout, then stderr) against the recorded stub, with the stub's address shown as {@code http://localhost:8080}.
 *
 * <p>
 * After changing the output on purpose, refresh the samples with
 * {@code ./mvnw -B -pl inspector test -Dtest=DocsSamplesTest -Dinspect.docs.update=true} and review the diff.
 */
class DocsSamplesTest {

    private static final Path DOCS = Path.of(
            System.getProperty("inspect.docs", "../docs/modules/ROOT/pages/cli.adoc"));
    private static final Pattern CONSOLE_BLOCK = Pattern.compile(
            "\\[source,console\\]\\n----\\n\\$ arena-cache-inspect([^\\n]*)\\n(.*?)(?<=\\n)----\\n", Pattern.DOTALL);
    private static final String SHOWN_ORIGIN = "http://localhost:8080";

    private StubServer stub;

    @BeforeEach
    void startStub() {
        stub = new StubServer()
                .json("/q/arena-cache", 200, "snapshot-all.json")
                .json("/q/arena-cache/users", 200, "snapshot-users.json")
                .json("/q/arena-cache/orders", 404, "unknown-cache.json")
                .route("/q/metrics", 200, "text/plain; version=0.0.4; charset=utf-8",
                        StubServer.resource("metrics.txt"))
                .route("/index.html", 200, "text/html", StubServer.resource("welcome.html"));
    }

    @AfterEach
    void stopStub() {
        stub.close();
    }

    @Test
    void everyConsoleSampleIsWhatTheToolPrints() throws IOException {
        String docs = Files.readString(DOCS, StandardCharsets.UTF_8);
        Matcher block = CONSOLE_BLOCK.matcher(docs);
        StringBuilder updated = new StringBuilder();
        List<String> checked = new ArrayList<>();
        while (block.find()) {
            String arguments = block.group(1).strip();
            String actual = output(arguments);
            checked.add(arguments);
            if (Boolean.getBoolean("inspect.docs.update")) {
                block.appendReplacement(updated, Matcher.quoteReplacement(
                        "[source,console]\n----\n$ arena-cache-inspect"
                        + block.group(1) + "\n" + actual + "----\n"));
            } else {
                assertThat(block.group(2)).as("sample output of 'arena-cache-inspect %s' in %s", arguments, DOCS)
                        .isEqualTo(actual);
            }
        }
        if (Boolean.getBoolean("inspect.docs.update")) {
            block.appendTail(updated);
            Files.writeString(DOCS, updated.toString(), StandardCharsets.UTF_8);
        }
        assertThat(checked).as("console samples in " + DOCS).contains("", "--cache users", "--metrics");
    }

    private String output(String arguments) {
        String stubOrigin = stub.origin().toString();
        List<String> args = new ArrayList<>(arguments.isEmpty() ? List.of()
                : Arrays.stream(arguments.split("\\s+")).map(arg -> arg.replace(SHOWN_ORIGIN, stubOrigin)).toList());
        if (!args.contains("--url") && !args.contains("--help") && !args.contains("--version")) {
            args.addAll(0, List.of("--url", stub.snapshotUrl()));
        }
        Result result = InspectorRun.withoutUrl().run(args.toArray(String[]::new));
        return (result.out() + result.err()).replace(stubOrigin, SHOWN_ORIGIN)
                .replace(stub.origin().getHost() + ":" + stub.origin().getPort(), "localhost:8080");
    }
}
