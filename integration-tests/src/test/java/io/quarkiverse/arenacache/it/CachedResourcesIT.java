package io.quarkiverse.arenacache.it;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The same checks against the packaged application (jar, or native executable with -Pnative). */
@QuarkusIntegrationTest
class CachedResourcesIT extends CachedResourcesTest {
}
