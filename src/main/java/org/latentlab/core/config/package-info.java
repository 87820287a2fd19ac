/**
 * Configuration as nested immutable records (DESIGN.md, Style 3), read from YAML or JSON, overridden with
 * {@code --set key=value}, listed as flat keys, and written back.
 *
 * <h2>Conventions a config record follows</h2>
 * <ul>
 *   <li>A record with a static {@code defaults()} factory (a record without components may omit it) and a
 *       compact constructor that validates every field with a one-line
 *       {@link org.latentlab.core.data.DataException} starting with the snake_case field name
 *       ({@link org.latentlab.core.config.Check} does this); the machinery adds the dotted path.</li>
 *   <li>Components are primitives (or boxes), {@code String}, enums, {@code List} of those, nested config
 *       records, or sealed interfaces whose permitted classes are config records annotated with
 *       {@link org.latentlab.core.config.TypeName}. No component of a variant may be called {@code type}.</li>
 *   <li>Keys are the component names in snake_case ({@code genDim} ↔ {@code gen_dim}); enum values are
 *       written in lower-case kebab-case and read in any case, kebab or snake.</li>
 *   <li>A sealed component is written {@code {type: name, ...fields}}; on the command line
 *       {@code key=name} chooses the type (a different type starts from its defaults) and
 *       {@code key.field=value} sets a field of the current type.</li>
 * </ul>
 * Files and overrides are applied to a mutable tree of the defaults and the records are built once at the
 * end, so partial files overlay the defaults and cross-field checks see the final values.
 */
package org.latentlab.core.config;
