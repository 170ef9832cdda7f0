package io.quarkiverse.arenacache.deployment.test.invalid.unindexed;

/** A value type the test leaves out of the application archive, so it is not in the application's index. */
public record Point(int x, int y) {
}
