package io.quarkiverse.arenacache.deployment;

import java.lang.annotation.Annotation;
import java.lang.foreign.MemorySegment;
import java.lang.reflect.Modifier;
import java.util.List;
import java.util.Map;

import jakarta.inject.Singleton;

import org.jboss.jandex.DotName;
import org.jboss.jandex.PrimitiveType;
import org.jboss.jandex.Type;

import io.quarkiverse.arenacache.ArenaCacheName;
import io.quarkiverse.arenacache.Codec;
import io.quarkiverse.arenacache.Codecs;
import io.quarkiverse.arenacache.runtime.ArenaCacheDefinitions;
import io.quarkiverse.arenacache.runtime.codec.RecordCodecSupport;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ArcContainer;
import io.quarkus.arc.InstanceHandle;
import io.quarkus.arc.impl.ParameterizedTypeImpl;
import io.quarkus.gizmo.AssignableResultHandle;
import io.quarkus.gizmo.BytecodeCreator;
import io.quarkus.gizmo.ClassCreator;
import io.quarkus.gizmo.ClassOutput;
import io.quarkus.gizmo.DescriptorUtils;
import io.quarkus.gizmo.FieldDescriptor;
import io.quarkus.gizmo.MethodCreator;
import io.quarkus.gizmo.MethodDescriptor;
import io.quarkus.gizmo.ResultHandle;

/**
 * Writes, at build time, the codecs of records and simple value classes and the bean that tells the runtime which
 * caches exist and how to obtain their codecs. The generated code calls accessors, constructors, {@code values()}
 * and codec factories directly: nothing is looked up reflectively at run time.
 */
final class CodecGenerator {

    static final String DEFINITIONS_CLASS = "io.quarkiverse.arenacache.generated.ArenaCacheDefinitionsImpl";

    private static final MethodDescriptor ADD_SIZE = MethodDescriptor.ofMethod(RecordCodecSupport.class, "addSize",
            int.class, int.class, Codec.class, Object.class);
    private static final MethodDescriptor WRITE = MethodDescriptor.ofMethod(RecordCodecSupport.class, "write",
            long.class, Codec.class, Object.class, MemorySegment.class, long.class);
    private static final MethodDescriptor READ = MethodDescriptor.ofMethod(RecordCodecSupport.class, "read",
            Object.class, Codec.class, MemorySegment.class, long.class, long.class);
    private static final MethodDescriptor SKIP = MethodDescriptor.ofMethod(RecordCodecSupport.class, "skip",
            long.class, MemorySegment.class, long.class, long.class);
    private static final MethodDescriptor CHECK_END = MethodDescriptor.ofMethod(RecordCodecSupport.class, "checkEnd",
            void.class, String.class, long.class, long.class);
    private static final MethodDescriptor CHECK_CLASS = MethodDescriptor.ofMethod(RecordCodecSupport.class,
            "checkClass", void.class, Class.class, Object.class);
    private static final MethodDescriptor REQUIRE_PRESENT = MethodDescriptor.ofMethod(RecordCodecSupport.class,
            "requirePresent", Object.class, Object.class, String.class, String.class);

    private CodecGenerator() {
    }

    /** Generates {@code <Type>$$ArenaCodec} for one record or value class, in the class's own package. */
    static void generateValueCodec(ClassOutput output, ValueClassModel model) {
        String type = model.type().toString();
        try (ClassCreator creator = ClassCreator.builder().classOutput(output).className(model.codecClassName())
                .interfaces(Codec.class).setFinal(true).build()) {
            List<ValueClassModel.Component> components = model.components();
            FieldDescriptor[] codecFields = new FieldDescriptor[components.size()];
            MethodCreator constructor = creator.getMethodCreator(MethodDescriptor.INIT, void.class);
            constructor.setModifiers(Modifier.PUBLIC);
            constructor.invokeSpecialMethod(MethodDescriptor.ofConstructor(Object.class), constructor.getThis());
            for (int i = 0; i < components.size(); i++) {
                codecFields[i] = creator.getFieldCreator("codec" + i, Codec.class)
                        .setModifiers(Modifier.PRIVATE | Modifier.FINAL).getFieldDescriptor();
                constructor.writeInstanceField(codecFields[i], constructor.getThis(),
                        codecExpression(constructor, components.get(i).codec(), null));
            }
            constructor.returnValue(null);

            MethodCreator size = creator.getMethodCreator("encodedSize", int.class, Object.class);
            ResultHandle value = size.checkCast(size.getMethodParam(0), type);
            if (!model.record()) {
                // a subclass's own fields would be dropped: refuse it (records are final); the cache always asks
                // the size before encoding, and so does a record holding this class
                size.invokeStaticMethod(CHECK_CLASS, size.loadClass(type), value);
            }
            AssignableResultHandle total = size.createVariable(int.class);
            size.assign(total, size.load(0));
            for (int i = 0; i < components.size(); i++) {
                ResultHandle component = boxed(size, read(size, model, components.get(i), value),
                        components.get(i).type());
                size.assign(total, size.invokeStaticMethod(ADD_SIZE, total,
                        size.readInstanceField(codecFields[i], size.getThis()), component));
            }
            size.returnValue(total);

            MethodCreator encode = creator.getMethodCreator("encode", void.class, Object.class, MemorySegment.class,
                    long.class);
            value = encode.checkCast(encode.getMethodParam(0), type);
            AssignableResultHandle at = encode.createVariable(long.class);
            encode.assign(at, encode.getMethodParam(2));
            for (int i = 0; i < components.size(); i++) {
                ResultHandle component = boxed(encode, read(encode, model, components.get(i), value),
                        components.get(i).type());
                encode.assign(at, encode.invokeStaticMethod(WRITE,
                        encode.readInstanceField(codecFields[i], encode.getThis()), component,
                        encode.getMethodParam(1), at));
            }
            encode.returnValue(null);

            MethodCreator decode = creator.getMethodCreator("decode", Object.class, MemorySegment.class, long.class,
                    int.class);
            ResultHandle segment = decode.getMethodParam(0);
            AssignableResultHandle position = decode.createVariable(long.class);
            decode.assign(position, decode.getMethodParam(1));
            ResultHandle end = decode.add(decode.getMethodParam(1), decode.convertPrimitive(decode.getMethodParam(2),
                    long.class));
            ResultHandle[] decoded = new ResultHandle[components.size()];
            for (int i = 0; i < components.size(); i++) {
                ValueClassModel.Component component = components.get(i);
                ResultHandle codec = decode.readInstanceField(codecFields[i], decode.getThis());
                ResultHandle raw = decode.invokeStaticMethod(READ, codec, segment, position, end);
                decode.assign(position, decode.invokeStaticMethod(SKIP, segment, position, end));
                if (component.type().kind() == Type.Kind.PRIMITIVE) {
                    raw = decode.invokeStaticMethod(REQUIRE_PRESENT, raw, decode.load(type),
                            decode.load(component.name()));
                }
                decoded[i] = unboxed(decode, raw, component.type());
            }
            decode.invokeStaticMethod(CHECK_END, decode.load(type), position, end);
            decode.returnValue(construct(decode, model, decoded));
        }
    }

    /** Generates the singleton bean implementing {@link ArenaCacheDefinitions}. */
    static void generateDefinitions(ClassOutput output, List<CacheDefinitionBuildItem> caches) {
        try (ClassCreator creator = ClassCreator.builder().classOutput(output).className(DEFINITIONS_CLASS)
                .interfaces(ArenaCacheDefinitions.class).build()) {
            creator.addAnnotation(Singleton.class);

            MethodCreator names = creator.getMethodCreator("cacheNames", List.class);
            ResultHandle array = names.newArray(Object.class, caches.size());
            for (int i = 0; i < caches.size(); i++) {
                names.writeArrayValue(array, i, names.load(caches.get(i).name));
            }
            names.returnValue(names.invokeStaticInterfaceMethod(
                    MethodDescriptor.ofMethod(List.class, "of", List.class, Object[].class), array));

            for (boolean key : new boolean[] { true, false }) {
                MethodCreator method = creator.getMethodCreator(key ? "keyCodec" : "valueCodec", Codec.class,
                        String.class);
                for (CacheDefinitionBuildItem cache : caches) {
                    BytecodeCreator matches = method.ifTrue(method.invokeVirtualMethod(
                            MethodDescriptor.ofMethod(Object.class, "equals", boolean.class, Object.class),
                            method.load(cache.name), method.getMethodParam(0))).trueBranch();
                    matches.returnValue(codecExpression(matches, key ? cache.keyCodec : cache.valueCodec, cache.name));
                }
                method.throwException(IllegalArgumentException.class, "No arena cache with this name");
            }
        }
    }

    /** Name of the class, in the package of {@code target}, that creates the codec of a non-built-in source. */
    static String factoryClassName(CodecSource source) {
        return switch (source) {
            case CodecSource.BuiltIn builtIn -> null;
            case CodecSource.Assembled assembled -> null;
            case CodecSource.Generated generated -> generated.valueClass() + "$$ArenaCodec";
            case CodecSource.EnumConstants constants -> constants.enumClass() + "$$ArenaCodecFactory";
            case CodecSource.NewInstance instance -> instance.codecClass() + "$$ArenaCodecFactory";
            case CodecSource.Bean bean -> bean.beanClass() + "$$ArenaCodecFactory";
            // JDK types (e.g. Codec<String>) are public, and their packages are closed to new classes
            case CodecSource.ProducedBean produced -> (produced.codedClass().toString().startsWith("java.")
                    ? "io.quarkiverse.arenacache.generated." + produced.codedClass().toString().replace('.', '_')
                    : produced.codedClass().toString())
                    + "$$ArenaCodecBean"
                    + (produced.qualifier() == null ? "" : "_" + Integer.toHexString(produced.qualifier().hashCode()));
        };
    }

    /**
     * @return the class a generated codec or factory belongs to (whose package and class loader it must share):
     *         the name before {@code $$}; {@code null} for the factories of JDK types, which are in the extension's
     *         own package and stay application classes
     */
    static String ownerOf(String generatedClass) {
        String name = generatedClass.replace('/', '.');
        if (name.startsWith("io.quarkiverse.arenacache.generated.")) {
            return null;
        }
        int marker = name.indexOf("$$");
        return marker < 0 ? name : name.substring(0, marker);
    }

    /**
     * Generates a factory with a static {@code create()} in the package of an enum, codec class or codec bean, so
     * that package-private types work: only code in their own package may name them.
     */
    static void generateFactory(ClassOutput output, CodecSource source) {
        try (ClassCreator creator = ClassCreator.builder().classOutput(output).className(factoryClassName(source))
                .setFinal(true).build()) {
            MethodCreator create = creator.getMethodCreator("create", Codec.class);
            create.setModifiers(Modifier.PUBLIC | Modifier.STATIC);
            ResultHandle codec = switch (source) {
                case CodecSource.EnumConstants constants -> create.invokeStaticMethod(
                        MethodDescriptor.ofMethod(Codecs.class, "enums", Codec.class, Enum[].class),
                        create.invokeStaticMethod(MethodDescriptor.ofMethod(constants.enumClass().toString(),
                                "values", "[L" + constants.enumClass().toString().replace('.', '/') + ";")));
                case CodecSource.NewInstance instance -> create.newInstance(
                        MethodDescriptor.ofConstructor(instance.codecClass().toString()));
                case CodecSource.Bean bean -> beanLookup(create, bean.beanClass(), bean.qualifier());
                case CodecSource.ProducedBean produced -> producedBeanLookup(create, produced);
                default -> throw new IllegalArgumentException("no factory for " + source);
            };
            create.returnValue(codec);
        }
    }

    private static ResultHandle codecExpression(BytecodeCreator code, CodecSource source, String cacheName) {
        return switch (source) {
            case CodecSource.BuiltIn builtIn -> code.invokeStaticMethod(
                    MethodDescriptor.ofMethod(Codecs.class, builtIn.factory(), Codec.class));
            case CodecSource.Generated generated -> code.newInstance(
                    MethodDescriptor.ofConstructor(factoryClassName(generated)));
            case CodecSource.Assembled assembled -> {
                ResultHandle elements = code.newArray(Codec.class, assembled.elements().size());
                for (int i = 0; i < assembled.elements().size(); i++) {
                    code.writeArrayValue(elements, i, codecExpression(code, assembled.elements().get(i), cacheName));
                }
                yield code.invokeStaticMethod(MethodDescriptor.ofMethod(assembled.assemblerClass(), "assemble",
                        Codec.class, String.class, Codec[].class), code.load(assembled.descriptor()), elements);
            }
            default -> code.invokeStaticMethod(MethodDescriptor.ofMethod(factoryClassName(source), "create",
                    Codec.class));
        };
    }

    private static ResultHandle beanLookup(BytecodeCreator code, DotName beanClass, String qualifier) {
        ResultHandle container = code.invokeStaticMethod(MethodDescriptor.ofMethod(Arc.class, "container",
                ArcContainer.class));
        ResultHandle qualifiers = code.newArray(Annotation.class, qualifier == null ? 0 : 1);
        if (qualifier != null) {
            code.writeArrayValue(qualifiers, 0, code.newInstance(
                    MethodDescriptor.ofConstructor(ArenaCacheName.Literal.class, String.class), code.load(qualifier)));
        }
        ResultHandle handle = code.invokeInterfaceMethod(MethodDescriptor.ofMethod(ArcContainer.class, "instance",
                InstanceHandle.class, Class.class, Annotation[].class), container, code.loadClass(beanClass.toString()),
                qualifiers);
        return code.checkCast(code.invokeInterfaceMethod(MethodDescriptor.ofMethod(InstanceHandle.class, "get",
                Object.class), handle), Codec.class);
    }

    /** Looks up the bean of type {@code Codec<T>}: a producer's bean types are its declared return type. */
    private static ResultHandle producedBeanLookup(BytecodeCreator code, CodecSource.ProducedBean produced) {
        ResultHandle arguments = code.newArray(java.lang.reflect.Type.class, 1);
        code.writeArrayValue(arguments, 0, code.loadClass(produced.codedClass().toString()));
        ResultHandle type = code.newInstance(MethodDescriptor.ofConstructor(ParameterizedTypeImpl.class,
                java.lang.reflect.Type.class, java.lang.reflect.Type[].class), code.loadClass(Codec.class), arguments);
        ResultHandle handle = code.invokeInterfaceMethod(MethodDescriptor.ofMethod(ArcContainer.class, "instance",
                InstanceHandle.class, java.lang.reflect.Type.class, Annotation[].class),
                code.invokeStaticMethod(MethodDescriptor.ofMethod(Arc.class, "container", ArcContainer.class)), type,
                qualifiers(code, produced.qualifier()));
        return code.checkCast(code.invokeInterfaceMethod(MethodDescriptor.ofMethod(InstanceHandle.class, "get",
                Object.class), handle), Codec.class);
    }

    private static ResultHandle qualifiers(BytecodeCreator code, String qualifier) {
        ResultHandle qualifiers = code.newArray(Annotation.class, qualifier == null ? 0 : 1);
        if (qualifier != null) {
            code.writeArrayValue(qualifiers, 0, code.newInstance(
                    MethodDescriptor.ofConstructor(ArenaCacheName.Literal.class, String.class), code.load(qualifier)));
        }
        return qualifiers;
    }

    private static ResultHandle read(BytecodeCreator code, ValueClassModel model, ValueClassModel.Component component,
            ResultHandle value) {
        String descriptor = DescriptorUtils.typeToString(component.type());
        if (model.record()) {
            return code.invokeVirtualMethod(MethodDescriptor.ofMethod(model.type().toString(), component.name(),
                    descriptor), value);
        }
        return code.readInstanceField(FieldDescriptor.of(model.type().toString(), component.name(), descriptor), value);
    }

    private static ResultHandle construct(BytecodeCreator code, ValueClassModel model, ResultHandle[] values) {
        List<ValueClassModel.Component> components = model.components();
        if (model.constructorTakesComponents()) {
            String[] parameters = components.stream().map(c -> DescriptorUtils.typeToString(c.type()))
                    .toArray(String[]::new);
            return code.newInstance(MethodDescriptor.ofConstructor(model.type().toString(), (Object[]) parameters),
                    values);
        }
        ResultHandle instance = code.newInstance(MethodDescriptor.ofConstructor(model.type().toString()));
        for (int i = 0; i < components.size(); i++) {
            code.writeInstanceField(FieldDescriptor.of(model.type().toString(), components.get(i).name(),
                    DescriptorUtils.typeToString(components.get(i).type())), instance, values[i]);
        }
        return instance;
    }

    private static final Map<PrimitiveType.Primitive, Class<?>> BOXES = Map.of(
            PrimitiveType.Primitive.INT, Integer.class, PrimitiveType.Primitive.LONG, Long.class,
            PrimitiveType.Primitive.SHORT, Short.class, PrimitiveType.Primitive.BYTE, Byte.class,
            PrimitiveType.Primitive.CHAR, Character.class, PrimitiveType.Primitive.BOOLEAN, Boolean.class,
            PrimitiveType.Primitive.DOUBLE, Double.class, PrimitiveType.Primitive.FLOAT, Float.class);

    private static ResultHandle boxed(BytecodeCreator code, ResultHandle value, Type type) {
        if (type.kind() != Type.Kind.PRIMITIVE) {
            return value;
        }
        Class<?> box = BOXES.get(type.asPrimitiveType().primitive());
        return code.invokeStaticMethod(MethodDescriptor.ofMethod(box, "valueOf", box,
                DescriptorUtils.typeToString(type)), value);
    }

    private static ResultHandle unboxed(BytecodeCreator code, ResultHandle value, Type type) {
        if (type.kind() != Type.Kind.PRIMITIVE) {
            return code.checkCast(value, type.kind() == Type.Kind.CLASS ? type.name().toString()
                    : DescriptorUtils.typeToString(type));
        }
        Class<?> box = BOXES.get(type.asPrimitiveType().primitive());
        String primitive = type.asPrimitiveType().primitive().name().toLowerCase();
        return code.invokeVirtualMethod(MethodDescriptor.ofMethod(box, primitive + "Value",
                DescriptorUtils.typeToString(type)), code.checkCast(value, box));
    }
}
