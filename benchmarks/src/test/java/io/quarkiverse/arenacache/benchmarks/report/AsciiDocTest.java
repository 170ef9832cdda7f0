package io.quarkiverse.arenacache.benchmarks.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AsciiDocTest {

    @Test
    void convertsTheReportersMarkdown() {
        String adoc = AsciiDoc.fromMarkdown("""
                # arena-cache benchmark report

                ## Targets (issue 5)

                | target | measured | verdict |
                |---|---|---|
                | heap bytes < 1 | 5.05 B | **not met** |
                | `0 B/op` | 0.000 B/op | met |

                - ARENA 64 B: `[J` +3145760 B

                ![hit ratio per trace](hit-ratio.png)
                """);

        assertThat(adoc).isEqualTo("""
                == arena-cache benchmark report

                === Targets (issue 5)

                [cols=",,",options="header",]
                |===
                |target |measured |verdict
                |heap bytes < 1 |5.05 B |*not met*
                |`0 B/op` |0.000 B/op |met
                |===

                * ARENA 64 B: `[J` +3145760 B

                image::hit-ratio.png[hit ratio per trace]
                """);
    }
}
