package io.quarkiverse.arenacache.deployment;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;

import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.jandex.ClassType;
import org.jboss.jandex.DotName;
import org.jboss.jandex.IndexView;
import org.jboss.jandex.ParameterizedType;
import org.jboss.jandex.Type;

import io.quarkiverse.arenacache.ArenaCache;
import io.quarkiverse.arenacache.ArenaCacheName;
import io.quarkiverse.arenacache.deployment.CacheInjectionPoints.InjectionPoint;
import io.quarkiverse.arenacache.deployment.spi.ArenaCacheBuildItem;
import io.quarkiverse.arenacache.deployment.spi.ExternalArenaCacheBuildItem;
import io.quarkiverse.arenacache.runtime.ArenaCacheBuildTimeConfig;
import io.quarkiverse.arenacache.runtime.ArenaCacheBuildTimeConfig.CacheBuildTimeConfig;
import io.quarkiverse.arenacache.runtime.ArenaCacheBuildTimeConfig.CacheDefaultsBuildTimeConfig;
import io.quarkiverse.arenacache.runtime.ArenaCacheManagerImpl;
import io.quarkiverse.arenacache.runtime.ArenaCacheRecorder;
import io.quarkiverse.arenacache.runtime.LiveCaches;
import io.quarkus.arc.SyntheticCreationalContext;
import io.quarkus.arc.deployment.AdditionalBeanBuildItem;
import io.quarkus.arc.deployment.GeneratedBeanBuildItem;
import io.quarkus.arc.deployment.GeneratedBeanGizmoAdaptor;
import io.quarkus.arc.deployment.SyntheticBeanBuildItem;
import io.quarkus.arc.deployment.SyntheticBeansRuntimeInitBuildItem;
import io.quarkus.arc.deployment.UnremovableBeanBuildItem;
import io.quarkus.deployment.ApplicationArchive;
import io.quarkus.deployment.GeneratedClassGizmoAdaptor;
import io.quarkus.deployment.annotations.BuildProducer;
import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.deployment.annotations.Consume;
import io.quarkus.deployment.annotations.ExecutionTime;
import io.quarkus.deployment.annotations.Record;
import io.quarkus.deployment.builditem.ApplicationArchivesBuildItem;
import io.quarkus.deployment.builditem.CombinedIndexBuildItem;
import io.quarkus.deployment.builditem.FeatureBuildItem;
import io.quarkus.deployment.builditem.GeneratedClassBuildItem;
import io.quarkus.deployment.builditem.ShutdownContextBuildItem;
import io.quarkus.deployment.builditem.nativeimage.RuntimeInitializedClassBuildItem;
import io.quarkus.gizmo.ClassOutput;

/** Build steps of the arena-cache extension. */
class ArenaCacheProcessor {

    static final String FEATURE = "arena-cache";
    /** Looks like a default for every cache, but the global metrics switch is {@code metrics.enabled}. */
    static final String GLOBAL_METRICS_LOOKALIKE = ConfiguredCacheNames.PREFIX + "metrics-enabled";

    @BuildStep
    FeatureBuildItem feature() {
        return new FeatureBuildItem(FEATURE);
    }

    /** The manager bean, and the qualifier, which ArC must know even where the runtime jar is not indexed. */
    @BuildStep
    AdditionalBeanBuildItem manager() {
        return AdditionalBeanBuildItem.builder().addBeanClasses(ArenaCacheManagerImpl.class, ArenaCacheName.class)
                .setUnremovable().build();
    }

    @BuildStep
    UnremovableBeanBuildItem keepCodecBeansAndDecorators() {
        return UnremovableBeanBuildItem.beanTypes(DotNames.CODEC,
                DotName.createSimple(io.quarkiverse.arenacache.runtime.spi.ArenaCacheDecorator.class));
    }

    /** The open-cache registry holds off-heap state: it must never be initialized into a native image heap. */
    @BuildStep
    RuntimeInitializedClassBuildItem runtimeInitialized() {
        return new RuntimeInitializedClassBuildItem(LiveCaches.class.getName());
    }

    /**
     * Finds every cache (from injection points and configuration), checks its name and types, and decides its
     * codecs. All failures are build failures naming the property or injection point at fault.
     */
    @BuildStep
    void defineCaches(CombinedIndexBuildItem combinedIndex, ArenaCacheBuildTimeConfig config,
            BuildProducer<CacheDefinitionBuildItem> definitions, BuildProducer<ArenaCacheBuildItem> caches,
            BuildProducer<GeneratedClassBuildItem> generatedClasses, List<ExternalArenaCacheBuildItem> externalCaches,
            ApplicationArchivesBuildItem archives) {
        IndexView index = combinedIndex.getIndex();
        Map<String, List<InjectionPoint>> injectionPoints = CacheInjectionPoints.find(index);
        Map<String, String> configured = new TreeMap<>(ConfiguredCacheNames.find(ConfigProvider.getConfig()));
        for (String name : config.caches().keySet()) {
            configured.putIfAbsent(name, ConfiguredCacheNames.PREFIX + "\"" + name + "\".*");
        }
        List<String> errors = new ArrayList<>();
        if (ConfigProvider.getConfig().getConfigValue(GLOBAL_METRICS_LOOKALIKE).getValue() != null) {
            // Not a default for every cache (the global switch is metrics.enabled): without this check the property
            // would only be warned about as unknown, and every cache would keep publishing meters.
            errors.add("Invalid property " + GLOBAL_METRICS_LOOKALIKE + ": there is no default metrics-enabled for"
                    + " all caches. Use quarkus.arena-cache.metrics.enabled to switch the meters of every cache, or"
                    + " quarkus.arena-cache.\"<cache-name>\".metrics-enabled for one cache");
        }
        Map<String, Object> names = new TreeMap<>();
        injectionPoints.keySet().forEach(n -> names.put(n, n));
        configured.keySet().forEach(n -> names.put(n, n));
        CodecResolver resolver = new CodecResolver(index);
        for (ExternalArenaCacheBuildItem external : externalCaches) {
            // Defined by another extension: its configuration and injection points do not define it a second time.
            names.remove(external.getName());
            try {
                CacheDefinitionBuildItem definition = ExternalCacheDefinitions.define(external, injectionPoints, config,
                        resolver);
                definitions.produce(definition);
                caches.produce(new ArenaCacheBuildItem(external.getName(), Object.class.getName(),
                        Object.class.getName(), definition.metricsEnabled));
            } catch (IllegalStateException e) {
                errors.add(e.getMessage());
            }
        }
        for (String name : names.keySet()) {
            String reserved = ConfiguredCacheNames.reservedReason(name);
            if (reserved != null) {
                String where = configured.containsKey(name) ? "property " + configured.get(name)
                        : injectionPoints.get(name).get(0).description();
                errors.add("Invalid arena cache name '" + name + "' (" + where + "): " + reserved
                        + ". Reserved names: " + ConfiguredCacheNames.reservedNames());
                continue;
            }
            try {
                CacheDefinitionBuildItem definition = define(name, injectionPoints.getOrDefault(name, List.of()),
                        config, resolver);
                definitions.produce(definition);
                caches.produce(new ArenaCacheBuildItem(name, definition.keyType.name().toString(),
                        definition.valueType.name().toString(), definition.metricsEnabled));
            } catch (IllegalStateException e) {
                errors.add(e.getMessage());
            }
        }
        Set<String> allNames = new TreeSet<>(names.keySet());
        externalCaches.forEach(external -> allNames.add(external.getName()));
        errors.addAll(resolver.beansQualifiedForUnknownCaches(allNames));
        if (!errors.isEmpty()) {
            throw new IllegalStateException(String.join("\n", errors));
        }
        // A codec or factory lives in the package of its type and may use its package-private members, so it must be
        // loaded by the class loader of that type: in dev and test mode, the type of a (non-reloadable) dependency is
        // loaded by the base class loader, and an "application" codec of it failed with IllegalAccessError
        ClassOutput output = new GeneratedClassGizmoAdaptor(generatedClasses,
                (Predicate<String>) name -> isApplicationClass(archives, CodecGenerator.ownerOf(name)));
        for (ValueClassModel model : resolver.generatedCodecs()) {
            CodecGenerator.generateValueCodec(output, model);
        }
        for (CodecSource factory : resolver.factories()) {
            CodecGenerator.generateFactory(output, factory);
        }
    }

    /** @return whether {@code className} is loaded by the application's class loader (not by the base one) */
    static boolean isApplicationClass(ApplicationArchivesBuildItem archives, String className) {
        if (className == null) {
            return true;
        }
        ApplicationArchive archive = archives.containingArchive(DotName.createSimple(className));
        if (archive == null || archive == archives.getRootArchive()) {
            return true;
        }
        return archive.getResolvedDependency() != null && archive.getResolvedDependency().isReloadable();
    }

    private static CacheDefinitionBuildItem define(String name, List<InjectionPoint> injectionPoints,
            ArenaCacheBuildTimeConfig config, CodecResolver resolver) {
        CacheBuildTimeConfig cacheConfig = config.caches().get(name);
        CacheDefaultsBuildTimeConfig defaults = config.defaults();
        Type keyType = typeArgument(name, injectionPoints, 0);
        Type valueType = typeArgument(name, injectionPoints, 1);
        Resolved key = resolve(name, "key", keyType, cacheConfig == null ? Optional.empty() : cacheConfig.keyCodec(),
                defaults.keyCodec(), injectionPoints, resolver);
        Resolved value = resolve(name, "value", valueType,
                cacheConfig == null ? Optional.empty() : cacheConfig.valueCodec(), defaults.valueCodec(),
                injectionPoints, resolver);
        boolean metrics = Optional.ofNullable(cacheConfig).flatMap(CacheBuildTimeConfig::metricsEnabled).orElse(true);
        return new CacheDefinitionBuildItem(name, key.type, value.type, key.codec, value.codec, metrics);
    }

    private record Resolved(Type type, CodecSource codec) {
    }

    private static Resolved resolve(String cache, String role, Type declared, Optional<String> perCache,
            Optional<String> defaultClass, List<InjectionPoint> injectionPoints, CodecResolver resolver) {
        String perCacheProperty = ConfiguredCacheNames.PREFIX + "\"" + cache + "\"." + role + "-codec";
        if (perCache.isPresent()) {
            return configuredCodec(cache, role, declared, perCache.get(), perCacheProperty, resolver);
        }
        if (declared != null) {
            CodecSource bean = resolver.bean(cache, declared);
            if (bean != null) {
                return new Resolved(declared, bean);
            }
        }
        if (defaultClass.isPresent()) {
            return configuredCodec(cache, role, declared, defaultClass.get(),
                    ConfiguredCacheNames.PREFIX + role + "-codec", resolver);
        }
        if (declared == null) {
            String where = injectionPoints.isEmpty() ? "it is configured but never injected"
                    : "its injection points do not give type arguments: "
                            + injectionPoints.stream().map(InjectionPoint::description).toList();
            throw new IllegalStateException("Arena cache '" + cache + "': the " + role + " type is unknown because "
                    + where + ". Inject it as ArenaCache<K, V> or set " + perCacheProperty);
        }
        String where = "injection point " + injectionPoints.get(0).description() + " (" + role
                + " type of arena cache '" + cache + "')";
        return new Resolved(declared, resolver.derive(declared, where));
    }

    private static Resolved configuredCodec(String cache, String role, Type declared, String className,
            String property, CodecResolver resolver) {
        DotName codecClass = resolver.className(className);
        if (!resolver.isCodecClass(codecClass)) {
            throw new IllegalStateException("Invalid value '" + className + "' for " + property + ": not a class"
                    + " implementing io.quarkiverse.arenacache.Codec in the application index. Allowed values: the"
                    + " fully qualified name of a Codec implementation that is a CDI bean or has a public"
                    + " no-argument constructor");
        }
        CodecSource source = resolver.configured(codecClass);
        if (source == null) {
            throw new IllegalStateException("Invalid value '" + className + "' for " + property + ": the codec class"
                    + " is neither a CDI bean nor has a public no-argument constructor");
        }
        Type coded = resolver.codedType(codecClass);
        if (declared != null && coded != null && !coded.name().equals(declared.name())) {
            throw new IllegalStateException("Invalid value '" + className + "' for " + property + ": it encodes "
                    + coded + " but arena cache '" + cache + "' is injected with " + role + " type " + declared);
        }
        Type type = declared != null ? declared : coded;
        if (type == null) {
            throw new IllegalStateException("Arena cache '" + cache + "': the " + role + " type is unknown: inject"
                    + " it as ArenaCache<K, V> or make " + className + " implement Codec<T> with a concrete T ("
                    + property + ")");
        }
        return new Resolved(type, source);
    }

    /** @return the type argument all parameterized injection points agree on, or null when none gives one */
    private static Type typeArgument(String cache, List<InjectionPoint> injectionPoints, int position) {
        Type found = null;
        InjectionPoint foundAt = null;
        for (InjectionPoint injectionPoint : injectionPoints) {
            if (injectionPoint.type().kind() != Type.Kind.PARAMETERIZED_TYPE) {
                continue;
            }
            Type argument = injectionPoint.type().asParameterizedType().arguments().get(position);
            if (argument.kind() == Type.Kind.WILDCARD_TYPE) {
                continue;
            }
            if (found == null) {
                found = argument;
                foundAt = injectionPoint;
            } else if (!found.equals(argument)) {
                throw new IllegalStateException("Arena cache '" + cache + "' is injected with different "
                        + (position == 0 ? "key" : "value") + " types: " + found + " at " + foundAt.description()
                        + " and " + argument + " at " + injectionPoint.description());
            }
        }
        return found;
    }

    /** Generates the bean that creates the codecs; the manager reads the cache list from it. */
    @BuildStep
    void generateDefinitions(List<CacheDefinitionBuildItem> caches, BuildProducer<GeneratedBeanBuildItem> beans) {
        List<CacheDefinitionBuildItem> sorted = caches.stream()
                .sorted(java.util.Comparator.comparing(c -> c.name)).toList();
        CodecGenerator.generateDefinitions(new GeneratedBeanGizmoAdaptor(beans), sorted);
    }

    /** One {@code @ArenaCacheName("name")} singleton bean per cache, typed by its key and value types. */
    @BuildStep
    @Record(ExecutionTime.RUNTIME_INIT)
    void cacheBeans(List<CacheDefinitionBuildItem> caches, ArenaCacheRecorder recorder,
            BuildProducer<SyntheticBeanBuildItem> beans) {
        for (CacheDefinitionBuildItem cache : caches) {
            Type parameterized = ParameterizedType.create(DotNames.ARENA_CACHE,
                    new Type[] { boxed(cache.keyType), boxed(cache.valueType) }, null);
            Function<SyntheticCreationalContext<ArenaCache<?, ?>>, ArenaCache<?, ?>> creator = recorder
                    .cacheBean(cache.name);
            beans.produce(SyntheticBeanBuildItem.configure(ArenaCache.class)
                    .types(ClassType.create(DotNames.ARENA_CACHE), parameterized)
                    .addQualifier().annotation(DotNames.ARENA_CACHE_NAME).addValue("value", cache.name).done()
                    .scope(Singleton.class)
                    .setRuntimeInit()
                    .unremovable()
                    .addInjectionPoint(ClassType.create(DotName.createSimple(ArenaCacheManagerImpl.class)))
                    .createWith(creator)
                    .done());
        }
    }

    /** Creates the caches at run-time init, so invalid run-time configuration fails the startup. */
    @BuildStep
    @Record(ExecutionTime.RUNTIME_INIT)
    @Consume(SyntheticBeansRuntimeInitBuildItem.class)
    void startCaches(ArenaCacheRecorder recorder, ShutdownContextBuildItem shutdown,
            List<CacheDefinitionBuildItem> caches) {
        recorder.startCaches(shutdown);
    }

    private static Type boxed(Type type) {
        return type.kind() == Type.Kind.PRIMITIVE ? org.jboss.jandex.PrimitiveType.box(type.asPrimitiveType()) : type;
    }
}
