package io.quarkiverse.arenacache.examples.zerocopy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ByteRangeTest {

    @Test
    void noHeaderOrAnUnsupportedOneMeansTheWholeValue() {
        assertThat(ByteRange.parse(null, 10)).isNull();
        assertThat(ByteRange.parse("bytes=0-1,4-5", 10)).isNull();
        assertThat(ByteRange.parse("items=0-1", 10)).isNull();
        assertThat(ByteRange.parse("bytes=-", 10)).isNull();
    }

    @Test
    void closedOpenAndSuffixRanges() {
        assertThat(ByteRange.parse("bytes=2-4", 10)).isEqualTo(new ByteRange(2, 3, true));
        assertThat(ByteRange.parse("bytes=7-", 10)).isEqualTo(new ByteRange(7, 3, true));
        assertThat(ByteRange.parse("bytes=-3", 10)).isEqualTo(new ByteRange(7, 3, true));
        assertThat(ByteRange.parse("bytes=-30", 10)).isEqualTo(new ByteRange(0, 10, true));
        assertThat(ByteRange.parse("bytes=5-99", 10)).isEqualTo(new ByteRange(5, 5, true));
    }

    @Test
    void rangesOutsideTheValueAreNotSatisfiable() {
        assertThat(ByteRange.parse("bytes=10-", 10).satisfiable()).isFalse();
        assertThat(ByteRange.parse("bytes=5-2", 10).satisfiable()).isFalse();
        assertThat(ByteRange.parse("bytes=-0", 10).satisfiable()).isFalse();
        assertThat(ByteRange.parse("bytes=99999999999999999999-", 10).satisfiable()).isFalse();
    }
}
