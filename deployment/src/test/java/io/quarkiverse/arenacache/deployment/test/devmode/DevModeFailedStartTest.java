package io.quarkiverse.arenacache.deployment.test.devmode;

import static io.restassured.RestAssured.when;
import static org.assertj.core.api.Assertions.assertThat;

import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusDevModeTest;

/**
 * A restart that fails on invalid run-time configuration of one cache closes the caches it had already created,
 * the next restart with valid configuration recovers, and a cache the code no longer injects disappears, its memory
 * freed.
 */
class DevModeFailedStartTest {

    private static final String VALID = "quarkus.arena-cache.max-memory=1M\nquarkus.arena-cache.generations=2\n";

    @RegisterExtension
    static final QuarkusDevModeTest DEV = new QuarkusDevModeTest()
            .withApplicationRoot(jar -> jar.addClass(TwoCachesResource.class)
                    .addAsResource(new StringAsset(VALID), "application.properties"));

    @Test
    void aFailedRestartLeaksNothingAndTheNextOneRecovers() {
        assertFigures("accounts,users", 2);

        // 'accounts' is created first; 'users' then fails.
        DEV.modifyResourceFile("application.properties", old -> VALID + "quarkus.arena-cache.users.shards=3\n");
        when().get("/two").then().statusCode(500);

        DEV.modifyResourceFile("application.properties", old -> VALID);
        assertFigures("accounts,users", 2);

        DEV.modifySourceFile(TwoCachesResource.class, source -> source
                .replace("    @Inject\n    @ArenaCacheName(\"users\")\n    ArenaCache<String, String> users;\n", ""));
        assertFigures("accounts", 1);
    }

    private static void assertFigures(String names, int caches) {
        String[] parts = when().get("/two").then().statusCode(200).extract().asString().split("\\|");
        assertThat(parts[0]).isEqualTo(names);
        assertThat(Integer.parseInt(parts[1])).as("caches open in the JVM").isEqualTo(caches);
        assertThat(Long.parseLong(parts[2])).as("bytes committed by every open cache")
                .isEqualTo(Long.parseLong(parts[3]));
    }
}
