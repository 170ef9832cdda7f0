package io.quarkiverse.arenacache.examples.basic;

/** Product categories; enums get a build-time codec too. */
public enum Category {
    BOOKS,
    GAMES,
    TOOLS
}
