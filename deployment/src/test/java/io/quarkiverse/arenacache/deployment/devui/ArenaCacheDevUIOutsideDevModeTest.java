package io.quarkiverse.arenacache.deployment.devui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.arenacache.deployment.test.Utf8Codec;
import io.quarkiverse.arenacache.runtime.devui.ArenaCacheJsonRPCService;
import io.quarkus.arc.Arc;
import io.quarkus.test.QuarkusUnitTest;
import io.restassured.RestAssured;

/** Outside dev mode the Dev UI's actions must not exist: no JSON-RPC service bean, no Dev UI route. */
public class ArenaCacheDevUIOutsideDevModeTest {

    @RegisterExtension
    static final QuarkusUnitTest test = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(DevUiTestApp.class, CustomKeyCodec.class, Utf8Codec.class));

    @Test
    void theJsonRpcServiceIsNoBeanAndTheDevUiIsNotServed() {
        assertThat(Arc.container().instance(ArenaCacheJsonRPCService.class).isAvailable()).isFalse();
        assertThat(Arc.container().beanManager().getBeans(ArenaCacheJsonRPCService.class)).isEmpty();
        RestAssured.get("/q/dev-ui/json-rpc-ws").then().statusCode(404);
    }
}
