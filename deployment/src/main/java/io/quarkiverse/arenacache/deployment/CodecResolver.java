package io.quarkiverse.arenacache.deployment;

import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jboss.jandex.AnnotationInstance;
import org.jboss.jandex.AnnotationTarget;
import org.jboss.jandex.ClassInfo;
import org.jboss.jandex.DotName;
import org.jboss.jandex.FieldInfo;
import org.jboss.jandex.IndexView;
import org.jboss.jandex.MethodInfo;
import org.jboss.jandex.PrimitiveType;
import org.jboss.jandex.RecordComponentInfo;
import org.jboss.jandex.Type;

import io.quarkus.arc.processor.BuiltinScope;
import io.quarkus.gizmo.DescriptorUtils;

/**
 * Decides at build time where each codec comes from: configuration, a codec bean, a built-in codec, an enum codec, or
 * a codec generated for a record or simple value class. Collects the value classes whose codecs must be generated.
 */
final class CodecResolver {

    private static final Map<DotName, String> BUILT_INS = Map.ofEntries(
            Map.entry(DotName.createSimple(String.class), "strings"),
            Map.entry(DotName.createSimple(Long.class), "longs"),
            Map.entry(DotName.createSimple(Integer.class), "integers"),
            Map.entry(DotName.createSimple(Short.class), "shorts"),
            Map.entry(DotName.createSimple(Byte.class), "bytes"),
            Map.entry(DotName.createSimple(Character.class), "characters"),
            Map.entry(DotName.createSimple(Boolean.class), "booleans"),
            Map.entry(DotName.createSimple(Double.class), "doubles"),
            Map.entry(DotName.createSimple(Float.class), "floats"),
            Map.entry(DotName.createSimple(java.util.UUID.class), "uuids"));

    /** A codec bean found in the index: a class, or a producer (then {@code beanClass} is null). */
    record CodecBean(DotName beanClass, Type codedType, String qualifier) {

        CodecSource source() {
            return beanClass == null ? new CodecSource.ProducedBean(codedType.name(), qualifier)
                    : new CodecSource.Bean(beanClass, qualifier);
        }

        String description() {
            return beanClass == null ? "producer of Codec<" + codedType + ">" : beanClass.toString();
        }
    }

    private static final DotName PRODUCES = DotName.createSimple("jakarta.enterprise.inject.Produces");

    private final IndexView index;
    private final List<CodecBean> beans;
    private final Map<DotName, ValueClassModel> generated = new LinkedHashMap<>();
    private final Set<CodecSource> factories = new LinkedHashSet<>();

    CodecResolver(IndexView index) {
        this.index = index;
        this.beans = findCodecBeans(index);
    }

    /** @return the enum, configured and bean codecs that need a factory in their own package */
    Set<CodecSource> factories() {
        return factories;
    }

    /** Records that a resolved codec source will be used, so its factory is generated. */
    CodecSource use(CodecSource source) {
        if (source instanceof CodecSource.EnumConstants || source instanceof CodecSource.NewInstance
                || source instanceof CodecSource.Bean || source instanceof CodecSource.ProducedBean) {
            factories.add(source);
        }
        return source;
    }

    /** @return the value classes whose codecs must be generated, dependencies first */
    List<ValueClassModel> generatedCodecs() {
        return List.copyOf(generated.values());
    }

    /** @return the type a codec class encodes (its {@code Codec<T>} type argument), or null when not known */
    Type codedType(DotName codecClass) {
        return findCodedType(index, codecClass, new HashMap<>());
    }

    /**
     * @return the indexed class a configured class name means: the binary name ({@code com.acme.Outer$Inner}) or, for
     *         a nested class, its canonical name ({@code com.acme.Outer.Inner}) as written in source code; the binary
     *         form of the name when no class is found either way
     */
    DotName className(String configured) {
        String name = configured.trim();
        DotName binary = DotName.createSimple(name);
        if (index.getClassByName(binary) != null) {
            return binary;
        }
        // Turn the last dots into '$' one at a time: com.acme.Outer.Inner -> com.acme.Outer$Inner -> ...
        String candidate = name;
        for (int dot = candidate.lastIndexOf('.'); dot > 0; dot = candidate.lastIndexOf('.')) {
            candidate = candidate.substring(0, dot) + '$' + candidate.substring(dot + 1);
            ClassInfo nested = index.getClassByName(DotName.createSimple(candidate));
            if (nested != null) {
                return nested.name();
            }
        }
        return binary;
    }

    boolean isCodecClass(DotName name) {
        ClassInfo info = index.getClassByName(name);
        if (info == null) {
            return false;
        }
        if (info.interfaceNames().contains(DotNames.CODEC)) {
            return true;
        }
        for (DotName iface : info.interfaceNames()) {
            if (isCodecClass(iface)) {
                return true;
            }
        }
        return info.superName() != null && !info.superName().equals(DotNames.OBJECT) && isCodecClass(info.superName());
    }

    /** @return the source for a codec class named in configuration */
    CodecSource configured(DotName codecClass) {
        ClassInfo info = index.getClassByName(codecClass);
        if (isBean(info)) {
            AnnotationInstance qualifier = info.declaredAnnotation(DotNames.ARENA_CACHE_NAME);
            return use(new CodecSource.Bean(codecClass, qualifier == null ? null : qualifier.value().asString()));
        }
        MethodInfo noArgs = info.method("<init>");
        if (noArgs == null || !Modifier.isPublic(noArgs.flags()) || Modifier.isAbstract(info.flags())
                || Modifier.isPrivate(info.flags())) {
            return null;
        }
        return use(new CodecSource.NewInstance(codecClass));
    }

    /** @return a codec bean for {@code type} in cache {@code cacheName}, or null; fails when ambiguous */
    CodecSource bean(String cacheName, Type type) {
        List<CodecBean> qualified = new ArrayList<>();
        List<CodecBean> unqualified = new ArrayList<>();
        for (CodecBean bean : beans) {
            if (bean.codedType() == null || !bean.codedType().name().equals(type.name())) {
                continue;
            }
            if (bean.qualifier() == null) {
                unqualified.add(bean);
            } else if (bean.qualifier().equals(cacheName)) {
                qualified.add(bean);
            }
        }
        List<CodecBean> candidates = qualified.isEmpty() ? unqualified : qualified;
        if (candidates.size() > 1) {
            throw new IllegalStateException("Arena cache '" + cacheName + "': several codec beans for " + type + ": "
                    + candidates.stream().map(CodecBean::description).toList()
                    + "; qualify one with @ArenaCacheName(\"" + cacheName + "\") or set the key-codec/value-codec"
                    + " property");
        }
        return candidates.isEmpty() ? null : use(candidates.get(0).source());
    }

    /**
     * @return one message per codec bean qualified with {@code @ArenaCacheName} for a cache that does not exist (a
     *         typo would otherwise leave the bean unused without a word, and the cache on its derived codec)
     */
    List<String> beansQualifiedForUnknownCaches(Set<String> cacheNames) {
        List<String> problems = new ArrayList<>();
        for (CodecBean bean : beans) {
            if (bean.qualifier() != null && !cacheNames.contains(bean.qualifier())) {
                problems.add("Codec bean " + bean.description() + " is qualified with @ArenaCacheName(\""
                        + bean.qualifier() + "\"), but there is no arena cache named '" + bean.qualifier()
                        + "'; the caches are " + cacheNames + ". Fix the name, or remove the qualifier to use the"
                        + " codec for every cache of its type");
            }
        }
        return problems;
    }

    /**
     * @return the codec derived from {@code type}: built-in, enum, or generated
     * @throws IllegalStateException naming {@code where} and the type when no codec is possible
     */
    CodecSource derive(Type type, String where) {
        List<String> problems = new ArrayList<>();
        CodecSource source = derive(type, new LinkedHashSet<>(), problems);
        if (source == null) {
            throw new IllegalStateException("No codec for type " + type + " at " + where + ": "
                    + String.join("; ", problems) + ". Use String, byte[], a boxed primitive, UUID, an enum, or a"
                    + " record / class with a public canonical constructor whose components have codecs; or provide"
                    + " a Codec bean or the key-codec/value-codec property.");
        }
        return source;
    }

    private CodecSource derive(Type type, Set<DotName> inProgress, List<String> problems) {
        if (type.kind() == Type.Kind.PRIMITIVE) {
            return new CodecSource.BuiltIn(BUILT_INS.get(PrimitiveType.box(type.asPrimitiveType()).name()));
        }
        if (type.kind() == Type.Kind.ARRAY) {
            if (type.asArrayType().constituent().kind() == Type.Kind.PRIMITIVE
                    && type.asArrayType().constituent().asPrimitiveType().primitive() == PrimitiveType.Primitive.BYTE
                    && type.asArrayType().deepDimensions() == 1) {
                return new CodecSource.BuiltIn("byteArrays");
            }
            problems.add(type + " is an array other than byte[]");
            return null;
        }
        if (type.kind() != Type.Kind.CLASS) {
            problems.add(type + " is a " + type.kind().name().toLowerCase().replace('_', ' ')
                    + " type; only non-generic classes can be encoded");
            return null;
        }
        String builtIn = BUILT_INS.get(type.name());
        if (builtIn != null) {
            return new CodecSource.BuiltIn(builtIn);
        }
        ClassInfo info = index.getClassByName(type.name());
        if (info == null) {
            problems.add(notIndexed(type));
            return null;
        }
        if (info.isEnum()) {
            if (Modifier.isPrivate(info.flags())) {
                problems.add("enum " + type + " is private");
                return null;
            }
            return use(new CodecSource.EnumConstants(type.name()));
        }
        if (generated.containsKey(type.name())) {
            return new CodecSource.Generated(type.name());
        }
        if (!inProgress.add(type.name())) {
            problems.add(type + " contains itself");
            return null;
        }
        try {
            ValueClassModel model = model(info, inProgress, problems);
            if (model == null) {
                return null;
            }
            generated.put(type.name(), model);
            return new CodecSource.Generated(type.name());
        } finally {
            inProgress.remove(type.name());
        }
    }

    /** @return why a class outside the index has no codec, and what to do about it */
    private static String notIndexed(Type type) {
        String name = type.name().toString();
        if (name.startsWith("java.") || name.startsWith("javax.") || name.startsWith("jdk.")) {
            // Indexing would not help: JDK classes keep their state in private fields.
            return type + " is a JDK class without a built-in codec (store it as a type that has one, e.g. an"
                    + " Instant as a long or a BigDecimal as a String, or give it a Codec)";
        }
        return type + " is not in the application's Jandex index, so its structure cannot be read at build time"
                + " (its jar has no index: add the io.smallrye:jandex-maven-plugin to the module that declares it,"
                + " or set quarkus.index-dependency.<name>.group-id and .artifact-id)";
    }

    private ValueClassModel model(ClassInfo info, Set<DotName> inProgress, List<String> problems) {
        if (Modifier.isPrivate(info.flags()) || info.isInterface() || Modifier.isAbstract(info.flags())
                || info.typeParameters().size() > 0) {
            String what = Modifier.isPrivate(info.flags()) ? "private"
                    : info.isInterface() ? "an interface"
                            : Modifier.isAbstract(info.flags()) ? "abstract"
                                    : "generic (" + info.typeParameters() + "; wrap it in a non-generic record)";
            problems.add(info.name() + " is " + what);
            return null;
        }
        List<ValueClassModel.Component> components = new ArrayList<>();
        if (!info.isRecord() && info.nestingType() != ClassInfo.NestingType.TOP_LEVEL
                && !Modifier.isStatic(info.flags())) {
            // Jandex leaves the enclosing instance out of the constructor's parameters: the generated call to
            // new Inner(x) would fail with NoSuchMethodError on the first read
            problems.add(info.name() + " is an inner class (not static): its instances need an enclosing instance;"
                    + " declare it static or make it a record");
            return null;
        }
        if (!info.isRecord() && !inheritsNoState(info, problems)) {
            return null;
        }
        if (info.isRecord()) {
            for (RecordComponentInfo component : info.recordComponentsInDeclarationOrder()) {
                if (!addComponent(info, component.name(), component.type(), components, inProgress, problems)) {
                    return null;
                }
            }
            return new ValueClassModel(info.name(), components, true, true);
        }
        for (FieldInfo field : info.fieldsInDeclarationOrder()) {
            if (Modifier.isStatic(field.flags()) || Modifier.isTransient(field.flags())) {
                continue;
            }
            if (!Modifier.isPublic(field.flags())) {
                problems.add(info.name() + " is neither a record nor a class whose instance fields are all public"
                        + " (field " + field.name() + ")");
                return null;
            }
            if (!addComponent(info, field.name(), field.type(), components, inProgress, problems)) {
                return null;
            }
        }
        if (components.isEmpty()) {
            problems.add(info.name() + " has no public instance fields");
            return null;
        }
        List<Type> fieldTypes = components.stream().map(ValueClassModel.Component::type).toList();
        for (MethodInfo constructor : info.constructors()) {
            if (Modifier.isPublic(constructor.flags())
                    && descriptors(constructor.parameterTypes()).equals(descriptors(fieldTypes))
                    && parametersAreTheFields(constructor, components)) {
                return new ValueClassModel(info.name(), components, false, true);
            }
        }
        MethodInfo noArgs = info.method("<init>");
        boolean fieldsWritable = info.fieldsInDeclarationOrder().stream()
                .filter(f -> !Modifier.isStatic(f.flags()) && !Modifier.isTransient(f.flags()))
                .noneMatch(f -> Modifier.isFinal(f.flags()));
        if (noArgs != null && Modifier.isPublic(noArgs.flags()) && fieldsWritable) {
            return new ValueClassModel(info.name(), components, false, false);
        }
        problems.add(info.name() + " has no public constructor taking its public fields in declaration order ("
                + fieldTypes + ", with the fields' names when the parameter names are compiled in), nor a public"
                + " no-argument constructor with non-final fields");
        return null;
    }

    /**
     * @return the descriptors of {@code types}: Jandex types compare with their type-use annotations, so a field
     *         {@code @NotNull String} would not match a parameter {@code String}
     */
    private static List<String> descriptors(List<Type> types) {
        return types.stream().map(DescriptorUtils::typeToString).toList();
    }

    /**
     * A constructor with the fields' types in their order may still take them in another order, e.g.
     * {@code Person(String last, String first)} for fields {@code first, last}: when the class file records the
     * parameter names, they must be the fields' names, or every read would swap the values.
     */
    private static boolean parametersAreTheFields(MethodInfo constructor, List<ValueClassModel.Component> components) {
        for (int i = 0; i < components.size(); i++) {
            String name = constructor.parameterName(i);
            if (name != null && !name.equals(components.get(i).name())) {
                return false;
            }
        }
        return true;
    }

    /**
     * A value class is encoded by the fields it declares, so its superclasses must have no instance fields: inherited
     * ones would be silently dropped (lost from values, ignored in keys).
     */
    private boolean inheritsNoState(ClassInfo info, List<String> problems) {
        for (DotName superName = info.superName(); superName != null
                && !superName.equals(DotNames.OBJECT);) {
            ClassInfo superclass = index.getClassByName(superName);
            if (superclass == null) {
                problems.add(info.name() + " extends " + superName + ", which is not in the index, so its fields"
                        + " cannot be known; a value class may only extend classes without instance fields");
                return false;
            }
            for (FieldInfo field : superclass.fieldsInDeclarationOrder()) {
                if (!Modifier.isStatic(field.flags()) && !Modifier.isTransient(field.flags())) {
                    problems.add(info.name() + " extends " + superName + ", whose instance field " + field.name()
                            + " would not be encoded; a value class may only extend"
                            + " classes without instance fields: make it a record or give it a Codec");
                    return false;
                }
            }
            superName = superclass.superName();
        }
        return true;
    }

    private boolean addComponent(ClassInfo owner, String name, Type type, List<ValueClassModel.Component> components,
            Set<DotName> inProgress, List<String> problems) {
        List<String> componentProblems = new ArrayList<>();
        CodecSource codec = derive(type, inProgress, componentProblems);
        if (codec == null) {
            problems.add("component " + owner.name() + "." + name + " of type " + type + " has no codec ("
                    + String.join("; ", componentProblems) + ")");
            return false;
        }
        components.add(new ValueClassModel.Component(name, type, codec));
        return true;
    }

    private static List<CodecBean> findCodecBeans(IndexView index) {
        List<CodecBean> result = new ArrayList<>();
        for (ClassInfo implementor : index.getAllKnownImplementations(DotNames.CODEC)) {
            if (implementor.isInterface() || Modifier.isAbstract(implementor.flags()) || !isBean(implementor)) {
                continue;
            }
            AnnotationInstance qualifier = implementor.declaredAnnotation(DotNames.ARENA_CACHE_NAME);
            result.add(new CodecBean(implementor.name(), findCodedType(index, implementor.name(), new HashMap<>()),
                    qualifier == null ? null : qualifier.value().asString()));
        }
        for (AnnotationInstance produces : index.getAnnotations(PRODUCES)) {
            Type produced;
            AnnotationInstance qualifier;
            if (produces.target().kind() == AnnotationTarget.Kind.METHOD) {
                produced = produces.target().asMethod().returnType();
                qualifier = produces.target().asMethod().annotation(DotNames.ARENA_CACHE_NAME);
                if (qualifier != null && qualifier.target().kind() != AnnotationTarget.Kind.METHOD) {
                    qualifier = null;
                }
            } else if (produces.target().kind() == AnnotationTarget.Kind.FIELD) {
                produced = produces.target().asField().type();
                qualifier = produces.target().asField().annotation(DotNames.ARENA_CACHE_NAME);
            } else {
                continue;
            }
            if (produced.name().equals(DotNames.CODEC) && produced.kind() == Type.Kind.PARAMETERIZED_TYPE
                    && produced.asParameterizedType().arguments().get(0).kind() == Type.Kind.CLASS) {
                result.add(new CodecBean(null, produced.asParameterizedType().arguments().get(0),
                        qualifier == null ? null : qualifier.value().asString()));
            }
        }
        return result;
    }

    private static boolean isBean(ClassInfo info) {
        if (info == null) {
            return false;
        }
        for (BuiltinScope scope : BuiltinScope.values()) {
            if (info.hasDeclaredAnnotation(scope.getName())) {
                return true;
            }
        }
        return false;
    }

    /** Walks the class hierarchy for {@code Codec<T>}, substituting type variables of generic superclasses. */
    private static Type findCodedType(IndexView index, DotName className, Map<String, Type> bindings) {
        ClassInfo info = index.getClassByName(className);
        if (info == null) {
            return null;
        }
        List<Type> supertypes = new ArrayList<>(info.interfaceTypes());
        if (info.superClassType() != null) {
            supertypes.add(info.superClassType());
        }
        for (Type supertype : supertypes) {
            if (supertype.name().equals(DotNames.CODEC)) {
                if (supertype.kind() != Type.Kind.PARAMETERIZED_TYPE) {
                    return null;
                }
                Type argument = supertype.asParameterizedType().arguments().get(0);
                if (argument.kind() == Type.Kind.TYPE_VARIABLE) {
                    return bindings.get(argument.asTypeVariable().identifier());
                }
                return argument;
            }
        }
        for (Type supertype : supertypes) {
            if (supertype.name().equals(DotNames.OBJECT)) {
                continue;
            }
            Map<String, Type> next = new HashMap<>();
            ClassInfo superInfo = index.getClassByName(supertype.name());
            if (superInfo != null && supertype.kind() == Type.Kind.PARAMETERIZED_TYPE) {
                List<Type> arguments = supertype.asParameterizedType().arguments();
                for (int i = 0; i < arguments.size() && i < superInfo.typeParameters().size(); i++) {
                    Type argument = arguments.get(i);
                    if (argument.kind() == Type.Kind.TYPE_VARIABLE) {
                        argument = bindings.get(argument.asTypeVariable().identifier());
                    }
                    if (argument != null) {
                        next.put(superInfo.typeParameters().get(i).identifier(), argument);
                    }
                }
            }
            Type found = findCodedType(index, supertype.name(), next);
            if (found != null) {
                return found;
            }
        }
        return null;
    }
}
