package io.quarkiverse.arenacache.deployment;

import java.util.List;

import org.jboss.jandex.DotName;
import org.jboss.jandex.Type;

/**
 * How a generated codec reads and rebuilds a record or simple value class.
 *
 * @param type the class
 * @param components its components (record components or public fields), in declaration order
 * @param record whether the class is a record (components are read through accessors, else fields)
 * @param constructorTakesComponents whether a constructor takes all components in order (else: no-argument
 *        constructor, then field assignments)
 */
record ValueClassModel(DotName type, List<Component> components, boolean record, boolean constructorTakesComponents) {

    /**
     * @param name the component's name
     * @param type its declared type
     * @param codec where its codec comes from
     */
    record Component(String name, Type type, CodecSource codec) {
    }

    String codecClassName() {
        return type.toString() + "$$ArenaCodec";
    }
}
