package io.quarkiverse.arenacache.deployment.devui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jboss.logging.Logger;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusDevModeTest;

/**
 * A real browser on the Dev UI: headless Chromium (Debian package), driven by Playwright-core (npm), runs
 * {@code src/test/browser/devui-live-stats.mjs} against this dev-mode application. The script checks the card, the
 * cache list, the live numbers after HTTP traffic and a key look-up, and saves
 * {@code target/devui/arena-cache-devui.png}.
 * <p>
 * Needs {@code node} 20 or newer, Chromium ({@code /usr/bin/chromium} or {@code $CHROMIUM}) and
 * {@code npm ci --prefix deployment/src/test/browser}. When one is missing the test fails under CI
 * ({@code CI=true}) and is skipped with a warning elsewhere. Run it alone with
 * {@code ./mvnw -B -pl deployment -am verify -Dtest=ArenaCacheDevUIBrowserTest
 * -Dsurefire.failIfNoSpecifiedTests=false}.
 */
public class ArenaCacheDevUIBrowserTest {

    private static final Logger LOG = Logger.getLogger(ArenaCacheDevUIBrowserTest.class);
    private static final int PORT = DevUiTestSupport.freePort();
    private static final Path SCRIPT_DIR = Path.of("src", "test", "browser").toAbsolutePath();
    private static final Path SCREENSHOT = Path.of("target", "devui", "arena-cache-devui.png").toAbsolutePath();

    @RegisterExtension
    static final QuarkusDevModeTest devMode = new QuarkusDevModeTest()
            .withApplicationRoot(jar -> DevUiTestSupport.app(jar, PORT));

    // Runs before the dev-mode application starts (QuarkusDevModeTest starts it before each test method).
    @BeforeAll
    static void requireBrowserTools() {
        Path chromium = Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));
        requireTool(Files.isExecutable(chromium), "Chromium is missing at " + chromium
                + " (apt-get install -y chromium, or set CHROMIUM)");
        int nodeMajor = nodeMajorVersion();
        requireTool(nodeMajor > 0, "node is missing from the PATH (Node.js 20 or newer is needed)");
        requireTool(nodeMajor >= 20, "node " + nodeMajor + " is too old: playwright-core needs Node.js 20 or newer");
        requireTool(Files.isDirectory(SCRIPT_DIR.resolve("node_modules/playwright-core")),
                "playwright-core is not installed: run npm ci --prefix deployment/src/test/browser");
    }

    @Test
    void theCachesPageShowsLiveNumbersInABrowser() throws Exception {
        Files.createDirectories(SCREENSHOT.getParent());
        Files.deleteIfExists(SCREENSHOT);
        Path log = SCREENSHOT.resolveSibling("browser-test.log");
        Process node = new ProcessBuilder("node", "devui-live-stats.mjs", DevUiTestSupport.baseUrl(PORT),
                SCREENSHOT.toString())
                .directory(SCRIPT_DIR.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        boolean finished = node.waitFor(120, TimeUnit.SECONDS);
        if (!finished) {
            node.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        String output = Files.readString(log);
        LOG.info("Browser test output:\n" + output);
        assertThat(finished).as("the browser script finished within 120 s; output:\n%s", output).isTrue();
        assertThat(node.exitValue()).as("exit code of the browser script; output:\n%s", output).isZero();
        assertThat(SCREENSHOT).as("the screenshot").isNotEmptyFile();
    }

    private static void requireTool(boolean present, String message) {
        if (present) {
            return;
        }
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            Assertions.fail("The Dev UI browser test cannot run: " + message);
        }
        LOG.warn("Skipping the Dev UI browser test: " + message);
        Assumptions.abort(message);
    }

    /** @return the major version of {@code node} on the PATH (from {@code v20.1.0}), or 0 when there is none */
    private static int nodeMajorVersion() {
        try {
            Process process = new ProcessBuilder(List.of("node", "--version")).redirectErrorStream(true).start();
            String version = new String(process.getInputStream().readAllBytes()).strip();
            if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
                return 0;
            }
            Matcher matcher = Pattern.compile("^v(\\d+)\\.").matcher(version);
            return matcher.find() ? Integer.parseInt(matcher.group(1)) : 0;
        } catch (IOException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }
}
