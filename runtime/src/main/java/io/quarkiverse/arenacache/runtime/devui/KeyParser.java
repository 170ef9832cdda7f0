package io.quarkiverse.arenacache.runtime.devui;

import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import io.quarkiverse.arenacache.Codec;
import io.quarkiverse.arenacache.Codecs;
import io.quarkiverse.arenacache.runtime.spi.WrappingKeyCodec;

/**
 * Turns a key typed in the Dev UI into the key type of a cache, when the cache's key codec is one of the built-in
 * codecs of {@link Codecs} whose type has an unambiguous text form, directly or wrapped ({@link WrappingKeyCodec}, as
 * the quarkus-cache backend's codec wraps the codec of its one key type). Codecs are recognized by identity: a custom
 * codec for {@code String} keys is not assumed to accept every string.
 *
 * @param typeName the key type as shown to the user, e.g. {@code Long}
 * @param parse turns the text into a key; throws {@link IllegalArgumentException} with a message for the user
 */
record KeyParser(String typeName, Function<String, Object> parse) {

    /**
     * @return the parser for keys of {@code keyCodec}, or empty when keys of that codec cannot be typed as text
     */
    static Optional<KeyParser> forCodec(Codec<?> keyCodec) {
        if (keyCodec instanceof WrappingKeyCodec wrapping) {
            return wrapping.wrappedKeyCodec().filter(wrapped -> wrapped != keyCodec).flatMap(KeyParser::forCodec);
        }
        if (keyCodec == Codecs.strings()) {
            return Optional.of(new KeyParser("String", text -> text));
        } else if (keyCodec == Codecs.longs()) {
            return Optional.of(numeric("Long", Long::valueOf));
        } else if (keyCodec == Codecs.integers()) {
            return Optional.of(numeric("Integer", Integer::valueOf));
        } else if (keyCodec == Codecs.shorts()) {
            return Optional.of(numeric("Short", Short::valueOf));
        } else if (keyCodec == Codecs.bytes()) {
            return Optional.of(numeric("Byte", Byte::valueOf));
        } else if (keyCodec == Codecs.doubles()) {
            return Optional.of(numeric("Double", Double::valueOf));
        } else if (keyCodec == Codecs.floats()) {
            return Optional.of(numeric("Float", Float::valueOf));
        } else if (keyCodec == Codecs.booleans()) {
            return Optional.of(new KeyParser("Boolean", KeyParser::parseBoolean));
        } else if (keyCodec == Codecs.characters()) {
            return Optional.of(new KeyParser("Character", KeyParser::parseCharacter));
        } else if (keyCodec == Codecs.uuids()) {
            return Optional.of(new KeyParser("UUID", KeyParser::parseUuid));
        }
        return Optional.empty();
    }

    /** @return the key for {@code text}; throws {@link IllegalArgumentException} naming the type when it is not one */
    Object keyOf(String text) {
        if (text == null) {
            throw new IllegalArgumentException("no key given");
        }
        return parse.apply(text);
    }

    private static KeyParser numeric(String typeName, Function<String, Object> valueOf) {
        return new KeyParser(typeName, text -> {
            String trimmed = text.strip();
            try {
                return valueOf.apply(trimmed);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + text + "' is not a valid " + typeName + " key", e);
            }
        });
    }

    // Boolean.parseBoolean maps every typo to false: only the two literals are accepted.
    private static Object parseBoolean(String text) {
        String normalized = text.strip().toLowerCase(Locale.ROOT);
        return switch (normalized) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw new IllegalArgumentException(
                    "'" + text + "' is not a valid Boolean key: type true or false");
        };
    }

    private static Object parseCharacter(String text) {
        if (text.length() != 1) {
            throw new IllegalArgumentException(
                    "'" + text + "' is not a valid Character key: type exactly one character");
        }
        return text.charAt(0);
    }

    private static Object parseUuid(String text) {
        String trimmed = text.strip();
        try {
            UUID uuid = UUID.fromString(trimmed);
            // UUID.fromString accepts short groups such as 1-2-3-4-5; only the canonical form is unambiguous.
            if (!uuid.toString().equalsIgnoreCase(trimmed)) {
                throw new IllegalArgumentException("not in canonical form");
            }
            return uuid;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + text + "' is not a valid UUID key: use the form"
                    + " 123e4567-e89b-12d3-a456-426614174000", e);
        }
    }
}
