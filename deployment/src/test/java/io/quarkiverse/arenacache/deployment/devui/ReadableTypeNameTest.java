package io.quarkiverse.arenacache.deployment.devui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The Dev UI shows the types seen at injection points in Java syntax, arrays included. */
class ReadableTypeNameTest {

    @Test
    void arrayDescriptorsBecomeJavaSyntax() {
        assertThat(ArenaCacheDevUIProcessor.readable("[B")).isEqualTo("byte[]");
        assertThat(ArenaCacheDevUIProcessor.readable("[[J")).isEqualTo("long[][]");
        assertThat(ArenaCacheDevUIProcessor.readable("[Ljava.lang.String;")).isEqualTo("java.lang.String[]");
    }

    @Test
    void otherNamesAreKept() {
        assertThat(ArenaCacheDevUIProcessor.readable("java.lang.String")).isEqualTo("java.lang.String");
        assertThat(ArenaCacheDevUIProcessor.readable("java.util.List<java.lang.String>"))
                .isEqualTo("java.util.List<java.lang.String>");
        assertThat(ArenaCacheDevUIProcessor.readable(null)).isEqualTo("?");
    }
}
