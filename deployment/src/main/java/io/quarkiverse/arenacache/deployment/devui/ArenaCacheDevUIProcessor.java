package io.quarkiverse.arenacache.deployment.devui;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

import io.quarkiverse.arenacache.deployment.spi.ArenaCacheBuildItem;
import io.quarkiverse.arenacache.runtime.devui.ArenaCacheJsonRPCService;
import io.quarkus.deployment.IsLocalDevelopment;
import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.devui.spi.JsonRPCProvidersBuildItem;
import io.quarkus.devui.spi.page.CardPageBuildItem;
import io.quarkus.devui.spi.page.Page;

/**
 * The Dev UI card "Arena Cache": one page listing the caches with live numbers and actions. Everything here only
 * takes effect in local dev mode: the Dev UI consumes these build items in dev mode only, and only there does it
 * make the JSON-RPC service a bean.
 */
class ArenaCacheDevUIProcessor {

    static final String CACHES_PAGE_TITLE = "Caches";
    static final String CACHES_COMPONENT = "qwc-arena-cache-caches.js";

    @BuildStep(onlyIf = IsLocalDevelopment.class)
    CardPageBuildItem card(List<ArenaCacheBuildItem> caches) {
        CardPageBuildItem card = new CardPageBuildItem();
        card.addPage(Page.webComponentPageBuilder()
                .title(CACHES_PAGE_TITLE)
                .icon("font-awesome-solid:memory")
                .componentLink(CACHES_COMPONENT)
                // Counted at run time: the card shows the caches the application really has, even none.
                .dynamicLabelJsonRPCMethodName("getCacheCount"));
        card.addBuildTimeData("declaredCaches", declared(caches),
                "The arena caches known at build time, with the key and value types seen at injection points");
        return card;
    }

    // Not restricted to dev mode, as the build item's Javadoc asks; the Dev UI only consumes it in dev mode.
    @BuildStep
    JsonRPCProvidersBuildItem jsonRpcService() {
        return new JsonRPCProvidersBuildItem(ArenaCacheJsonRPCService.class);
    }

    private static List<Map<String, String>> declared(List<ArenaCacheBuildItem> caches) {
        return caches.stream()
                .sorted(Comparator.comparing(ArenaCacheBuildItem::getName))
                .map(cache -> Map.of("name", cache.getName(),
                        "keyType", readable(cache.getKeyType()),
                        "valueType", readable(cache.getValueType())))
                .toList();
    }

    /** Turns JVM array descriptors (as Jandex names arrays, e.g. {@code [B}) into Java syntax ({@code byte[]}). */
    static String readable(String typeName) {
        if (typeName == null) {
            return "?";
        }
        int dimensions = 0;
        while (dimensions < typeName.length() && typeName.charAt(dimensions) == '[') {
            dimensions++;
        }
        if (dimensions == 0) {
            return typeName;
        }
        String element = typeName.substring(dimensions);
        String javaElement = switch (element) {
            case "Z" -> "boolean";
            case "B" -> "byte";
            case "C" -> "char";
            case "S" -> "short";
            case "I" -> "int";
            case "J" -> "long";
            case "F" -> "float";
            case "D" -> "double";
            default -> element.startsWith("L") && element.endsWith(";")
                    ? element.substring(1, element.length() - 1)
                    : element;
        };
        return javaElement + "[]".repeat(dimensions);
    }
}
