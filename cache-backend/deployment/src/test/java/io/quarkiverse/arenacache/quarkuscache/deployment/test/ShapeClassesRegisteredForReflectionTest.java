package io.quarkiverse.arenacache.quarkuscache.deployment.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

import jakarta.inject.Singleton;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.arenacache.quarkuscache.deployment.test.DeclaredSupertypeCodecBeanTest.PlainSku;
import io.quarkiverse.arenacache.quarkuscache.deployment.test.DeclaredSupertypeCodecBeanTest.Sku;
import io.quarkiverse.arenacache.quarkuscache.deployment.test.DeclaredSupertypeCodecBeanTest.SkuCodec;
import io.quarkiverse.arenacache.quarkuscache.deployment.test.DeclaredSupertypeCodecBeanTest.StringListCodec;
import io.quarkus.builder.BuildChainBuilder;
import io.quarkus.builder.BuildContext;
import io.quarkus.cache.CacheResult;
import io.quarkus.deployment.builditem.GeneratedResourceBuildItem;
import io.quarkus.deployment.builditem.nativeimage.ReflectiveClassBuildItem;
import io.quarkus.test.QuarkusUnitTest;

/**
 * In a native image {@code Class.forName} finds only classes registered for reflection, and {@code ShapeCodec} loads
 * the declared class of each shape by name to accept instances of its subclasses and implementations (an
 * {@code ArrayList} for a declared {@code List}, a record for a declared interface). Without the registration the
 * native executable refuses those keys and values at run time, although the JVM build and every JVM test pass; so
 * the build items themselves are checked here. The build step writes the registered names into a resource the test
 * reads, since build and test run in different class loaders. The key and codec types are those of
 * {@link DeclaredSupertypeCodecBeanTest}.
 */
class ShapeClassesRegisteredForReflectionTest {

    private static final String RESOURCE = "arena-cache-test/reflective-classes.txt";

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Catalog.class, Sku.class, PlainSku.class, SkuCodec.class,
                    StringListCodec.class))
            .overrideConfigKey("quarkus.cache.type", "arena")
            .addBuildChainCustomizer(recordReflectiveClasses());

    private static Consumer<BuildChainBuilder> recordReflectiveClasses() {
        return chain -> chain.addBuildStep((BuildContext context) -> {
            Set<String> names = new TreeSet<>();
            for (ReflectiveClassBuildItem item : context.consumeMulti(ReflectiveClassBuildItem.class)) {
                names.addAll(item.getClassNames());
            }
            context.produce(new GeneratedResourceBuildItem(RESOURCE,
                    String.join("\n", names).getBytes(StandardCharsets.UTF_8)));
        }).consumes(ReflectiveClassBuildItem.class).produces(GeneratedResourceBuildItem.class).build();
    }

    @Singleton
    public static class Catalog {

        @CacheResult(cacheName = "reflection-by-sku")
        List<String> bySku(Sku sku) {
            return List.of(sku.code());
        }

        @CacheResult(cacheName = "reflection-by-sku")
        String stock(Sku sku, int warehouse) {
            return sku.code() + "@" + warehouse;
        }
    }

    @Test
    void declaredClassesOfEveryShapeAreRegistered() throws IOException {
        Set<String> registered;
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(RESOURCE)) {
            assertThat(in).as(RESOURCE).isNotNull();
            registered = Set.of(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n"));
        }
        // single key shape, composite key shape (interface and boxed primitive), value shapes
        assertThat(registered).contains(Sku.class.getName(), Integer.class.getName(), List.class.getName(),
                String.class.getName());
    }
}
