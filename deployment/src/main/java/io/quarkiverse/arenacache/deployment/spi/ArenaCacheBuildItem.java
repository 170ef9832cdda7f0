package io.quarkiverse.arenacache.deployment.spi;

import io.quarkus.builder.item.MultiBuildItem;

/**
 * One arena cache the application will have at run time, known at build time from configuration and injection
 * points. Produced by the wiring build steps; consumed by optional integrations (metrics, tracing, Dev UI, health,
 * the quarkus-cache backend) that need to know the caches before the application starts.
 */
public final class ArenaCacheBuildItem extends MultiBuildItem {

    private final String name;
    private final String keyType;
    private final String valueType;
    private final boolean metricsEnabled;

    /**
     * @param name the cache name
     * @param keyType the key type's name as seen at the injection points (e.g. {@code java.lang.String})
     * @param valueType the value type's name as seen at the injection points
     * @param metricsEnabled whether this cache's meters are published (per-cache switch)
     */
    public ArenaCacheBuildItem(String name, String keyType, String valueType, boolean metricsEnabled) {
        this.name = name;
        this.keyType = keyType;
        this.valueType = valueType;
        this.metricsEnabled = metricsEnabled;
    }

    public String getName() {
        return name;
    }

    public String getKeyType() {
        return keyType;
    }

    public String getValueType() {
        return valueType;
    }

    public boolean isMetricsEnabled() {
        return metricsEnabled;
    }
}
