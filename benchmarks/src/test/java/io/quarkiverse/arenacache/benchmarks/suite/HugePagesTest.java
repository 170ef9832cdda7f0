package io.quarkiverse.arenacache.benchmarks.suite;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

class HugePagesTest {

    private static final String MADVISE = "always [madvise] never";

    @Test
    void acceptsTheGlibcTunableAmongOthers() {
        assertThatCode(() -> HugePages.checkEnvironment(
                Map.of("GLIBC_TUNABLES", "glibc.malloc.arena_max=2:glibc.malloc.hugetlb=1"), MADVISE))
                .doesNotThrowAnyException();
        assertThatCode(() -> HugePages.checkEnvironment(Map.of("GLIBC_TUNABLES", "glibc.malloc.hugetlb=1"),
                "[always] madvise never")).doesNotThrowAnyException();
    }

    @Test
    void refusesARunWhereOnlyTheHeapWouldGetHugePages() {
        assertThatThrownBy(() -> HugePages.checkEnvironment(Map.of(), MADVISE))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("GLIBC_TUNABLES=glibc.malloc.hugetlb=1");
        assertThatThrownBy(() -> HugePages.checkEnvironment(Map.of("GLIBC_TUNABLES", "glibc.malloc.hugetlb=0"),
                MADVISE)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void refusesAKernelWithoutTransparentHugePages() {
        assertThatThrownBy(() -> HugePages.checkEnvironment(Map.of("GLIBC_TUNABLES", "glibc.malloc.hugetlb=1"),
                "always madvise [never]")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("[never]");
    }
}
