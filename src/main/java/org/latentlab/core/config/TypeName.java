package org.latentlab.core.config;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The name under which a record that implements a sealed config interface is written and selected:
 * {@code reconstruction: {type: zig, scale_init: 20.0}} in a file, {@code --set model.reconstruction=zig}
 * on the command line. Every permitted record of a sealed interface used as a config component must carry
 * one; names are lower-case kebab-case and unique within the interface. An annotation rather than the class
 * name, so that renaming a Java class never breaks a saved config or a user's script.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface TypeName {
    String value();
}
