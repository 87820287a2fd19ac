package org.latentlab.core.config;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the config machinery knows about one record type, found once by reflection and cached: its
 * components in declaration order with their snake_case keys and kinds, its canonical constructor and its
 * defaults. A record that breaks the conventions (an unsupported component type, a sealed variant without
 * {@link TypeName}) is a programming error and fails loudly the first time the type is used.
 */
final class Schema {
    /** How a component is read, written and overridden. */
    enum Kind { RECORD, SEALED, SCALAR, LIST }

    /** One record component; {@code element} is the element type of a LIST, else null. */
    record Component(String key, Kind kind, Class<?> type, Class<?> element, Method accessor) {
    }

    /** The reserved key that names the variant of a sealed component. */
    static final String TYPE_KEY = "type";

    private static final Set<Class<?>> SCALARS = Set.of(int.class, long.class, double.class, float.class,
            boolean.class, Integer.class, Long.class, Double.class, Float.class, Boolean.class, String.class);

    private static final ClassValue<Schema> CACHE = new ClassValue<>() {
        @Override
        protected Schema computeValue(Class<?> type) {
            return new Schema(type);
        }
    };

    private static final ClassValue<Map<String, Class<?>>> VARIANTS = new ClassValue<>() {
        @Override
        protected Map<String, Class<?>> computeValue(Class<?> type) {
            return findVariants(type);
        }
    };

    final Class<?> type;
    final List<Component> components;
    private final Map<String, Component> byKey = new LinkedHashMap<>();
    private final Constructor<?> constructor;

    private Schema(Class<?> type) {
        if (!type.isRecord()) {
            throw new IllegalStateException(type.getName() + " is not a record");
        }
        this.type = type;
        List<Component> list = new ArrayList<>();
        RecordComponent[] rcs = type.getRecordComponents();
        Class<?>[] raw = new Class<?>[rcs.length];
        for (int i = 0; i < rcs.length; i++) {
            raw[i] = rcs[i].getType();
            Component c = component(type, rcs[i]);
            list.add(c);
            byKey.put(c.key(), c);
        }
        this.components = List.copyOf(list);
        try {
            constructor = type.getDeclaredConstructor(raw);
            constructor.setAccessible(true);
            for (Component c : components) {
                c.accessor().setAccessible(true);
            }
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(type.getName() + " has no canonical constructor", e);
        }
    }

    static Schema of(Class<?> recordType) {
        return CACHE.get(recordType);
    }

    Component component(String key) {
        return byKey.get(key);
    }

    List<String> keys() {
        return List.copyOf(byKey.keySet());
    }

    /** The type name when this record is a variant of a sealed config interface, else null. */
    String typeName() {
        TypeName t = type.getAnnotation(TypeName.class);
        return t == null ? null : t.value();
    }

    /** Calls the canonical constructor; a validation failure comes back as the constructor's exception. */
    Object construct(Object[] args) throws InvocationTargetException {
        try {
            return constructor.newInstance(args);
        } catch (InstantiationException | IllegalAccessException e) {
            throw new IllegalStateException("cannot construct " + type.getName(), e);
        }
    }

    /** {@code static defaults()} when the record has one; a record without components needs none. */
    Object defaults() {
        try {
            Method m = type.getDeclaredMethod("defaults");
            if (!Modifier.isStatic(m.getModifiers()) || !type.isAssignableFrom(m.getReturnType())) {
                throw new IllegalStateException(type.getName() + ".defaults() must be static and return the record");
            }
            m.setAccessible(true);
            return m.invoke(null);
        } catch (NoSuchMethodException e) {
            if (components.isEmpty()) {
                try {
                    return construct(new Object[0]);
                } catch (InvocationTargetException ex) {
                    throw new IllegalStateException("cannot construct " + type.getName(), ex.getCause());
                }
            }
            throw new IllegalStateException(type.getName() + " needs a static defaults() factory", e);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(type.getName() + ".defaults() is not accessible", e);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException(type.getName() + ".defaults() failed: " + e.getCause(), e.getCause());
        }
    }

    /** The records permitted by a sealed config interface, by type name, in their declared order. */
    static Map<String, Class<?>> variants(Class<?> sealedType) {
        return VARIANTS.get(sealedType);
    }

    private static Map<String, Class<?>> findVariants(Class<?> sealedType) {
        Map<String, Class<?>> out = new LinkedHashMap<>();
        for (Class<?> p : sealedType.getPermittedSubclasses()) {
            TypeName t = p.getAnnotation(TypeName.class);
            if (!p.isRecord() || t == null) {
                throw new IllegalStateException(p.getName() + " (a variant of " + sealedType.getName()
                        + ") must be a record annotated with @TypeName");
            }
            if (out.put(t.value(), p) != null) {
                throw new IllegalStateException("two variants of " + sealedType.getName() + " are named " + t.value());
            }
            if (of(p).component(TYPE_KEY) != null) {
                throw new IllegalStateException(p.getName() + " may not have a component named 'type'");
            }
        }
        return Collections.unmodifiableMap(out);
    }

    private static Component component(Class<?> owner, RecordComponent rc) {
        Class<?> t = rc.getType();
        String key = Names.snake(rc.getName());
        if (t.isRecord()) {
            return new Component(key, Kind.RECORD, t, null, rc.getAccessor());
        }
        if (t.isInterface() && t.isSealed()) {
            variants(t); // checks the variants now, not at the first switch
            return new Component(key, Kind.SEALED, t, null, rc.getAccessor());
        }
        if (isScalar(t)) {
            return new Component(key, Kind.SCALAR, t, null, rc.getAccessor());
        }
        if (t == List.class && rc.getGenericType() instanceof ParameterizedType pt) {
            Type arg = pt.getActualTypeArguments()[0];
            if (arg instanceof Class<?> el && isScalar(el)) {
                return new Component(key, Kind.LIST, t, el, rc.getAccessor());
            }
        }
        throw new IllegalStateException(owner.getName() + "." + rc.getName() + ": unsupported config type "
                + rc.getGenericType().getTypeName());
    }

    private static boolean isScalar(Class<?> t) {
        return SCALARS.contains(t) || t.isEnum();
    }
}
