package io.quarkiverse.arenacache.deployment.test.invalid;

import java.util.function.Consumer;

import org.assertj.core.api.Assertions;

/** Asserts on the messages of a build or startup failure and all its causes. */
final class Failures {

    private Failures() {
    }

    static Consumer<Throwable> messageContains(String... parts) {
        return failure -> {
            StringBuilder all = new StringBuilder();
            for (Throwable t = failure; t != null; t = t.getCause()) {
                all.append(t.getMessage()).append('\n');
                for (Throwable suppressed : t.getSuppressed()) {
                    all.append(suppressed.getMessage()).append('\n');
                }
            }
            Assertions.assertThat(all.toString()).contains(parts);
        };
    }
}
