package org.latentlab.ui.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.latentlab.core.config.AutoLfadsConfig;
import org.latentlab.core.config.Config;
import org.latentlab.core.config.ConfigIO;
import org.latentlab.core.config.ConfigKey;
import org.latentlab.core.config.IlqrVaeConfig;
import org.latentlab.core.config.IlqrVaePbtConfig;
import org.latentlab.core.config.LfadsConfig;
import org.latentlab.core.config.Overrides;
import org.latentlab.core.data.DataException;

/**
 * The config being edited, for the Model and Population screens: LFADS, AutoLFADS, iLQR-VAE or a population
 * of iLQR-VAEs (each keeps its own edits), one {@link Field} per key generated from the config records, each
 * checked as it is edited with the message beside the field, load and save as YAML. A run takes {@link #overrides()}: the keys that differ
 * from the defaults of the chosen model.
 */
public final class ConfigViewModel {
    /** What is trained. */
    public enum ModelKind {
        LFADS("LFADS"), AUTOLFADS("AutoLFADS (population-based training)"), ILQR_VAE("iLQR-VAE"),
        ILQR_VAE_PBT("iLQR-VAE population (population-based training)");

        private final String label;

        ModelKind(String label) {
            this.label = label;
        }

        @Override
        public String toString() {
            return label;
        }

        /** Whether this trains a population (the Population screen's settings apply). */
        public boolean population() {
            return this == AUTOLFADS || this == ILQR_VAE_PBT;
        }

        /** Whether this trains iLQR-VAEs (one session, no augmentations). */
        public boolean ilqrVae() {
            return this == ILQR_VAE || this == ILQR_VAE_PBT;
        }
    }

    /**
     * One key in a form: its text as typed, and the reason it was refused (null when the config took it). A
     * refused text stays in the field so the user can fix it; the config keeps its last good value.
     */
    public static final class Field {
        private final ConfigKey key;
        private final StringProperty text = new SimpleStringProperty(this, "text");
        private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error");

        Field(ConfigKey key) {
            this.key = key;
            text.set(key.value());
        }

        public String key() {
            return key.key();
        }

        public ConfigKey.Kind kind() {
            return key.kind();
        }

        public List<String> choices() {
            return key.choices();
        }

        public String expects() {
            return key.expects();
        }

        public StringProperty textProperty() {
            return text;
        }

        public ReadOnlyStringProperty errorProperty() {
            return error.getReadOnlyProperty();
        }
    }

    private final ObjectProperty<ModelKind> kind = new SimpleObjectProperty<>(this, "kind", ModelKind.AUTOLFADS);
    private final Map<ModelKind, Record> configs = new LinkedHashMap<>();
    private final ReadOnlyObjectWrapper<Record> config = new ReadOnlyObjectWrapper<>(this, "config");
    private final ObservableList<Field> fields = FXCollections.observableArrayList();
    private final ObservableList<Field> fieldsView = FXCollections.unmodifiableObservableList(fields);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private boolean rebuilding;

    public ConfigViewModel() {
        for (ModelKind k : ModelKind.values()) {
            configs.put(k, formDefaults(k));
        }
        kind.addListener((obs, was, now) -> rebuild());
        rebuild();
    }

    /** The config records' own defaults (what the command line starts from): overrides are relative to these. */
    private static Record defaults(ModelKind k) {
        return switch (k) {
            case LFADS -> LfadsConfig.defaults();
            case AUTOLFADS -> AutoLfadsConfig.defaults();
            case ILQR_VAE -> IlqrVaeConfig.defaults();
            case ILQR_VAE_PBT -> IlqrVaePbtConfig.defaults();
        };
    }

    /** The config record a kind edits, for reading files. */
    private static Class<? extends Record> configClass(ModelKind k) {
        return defaults(k).getClass();
    }

    /**
     * What the forms start from: the record defaults, except that a population writes its current best member
     * after every generation ({@code pbt.live_samples=5}) so Inspect can follow it during training.
     */
    static Record formDefaults(ModelKind k) {
        return k.population() ? Overrides.apply(defaults(k), List.of("pbt.live_samples=5")) : defaults(k);
    }

    /** The fields of the current config; rebuilt when the model changes or a type key (reconstruction) does. */
    private void rebuild() {
        rebuilding = true;
        Record c = configs.get(kind.get());
        config.set(c);
        List<Field> list = new ArrayList<>();
        for (ConfigKey k : Config.describe(c)) {
            Field f = new Field(k);
            f.text.addListener((obs, was, now) -> edited(f, now));
            list.add(f);
        }
        fields.setAll(list);
        rebuilding = false;
    }

    private void edited(Field f, String text) {
        if (rebuilding) {
            return;
        }
        Record current = configs.get(kind.get());
        try {
            Record next = Overrides.apply(current, List.of(f.key() + "=" + (text == null ? "" : text.strip())));
            f.error.set(null);
            configs.put(kind.get(), next);
            config.set(next);
            if (f.kind() == ConfigKey.Kind.TYPE) {
                rebuild(); // a new reconstruction type brings its own fields
            }
        } catch (DataException e) {
            f.error.set(e.getMessage());
        }
    }

    /** Sets a key as if typed into its field (for scripts and tests); false when there is no such field. */
    public boolean set(String key, String value) {
        for (Field f : fields) {
            if (f.key().equals(key)) {
                f.text.set(value);
                return true;
            }
        }
        return false;
    }

    /** The fields under a section, e.g. {@code pbt} or {@code model}. */
    public List<Field> section(String prefix) {
        return fields.stream().filter(f -> f.key().startsWith(prefix + ".")).toList();
    }

    /** Whether any field holds a refused value. */
    public boolean hasErrors() {
        return fields.stream().anyMatch(f -> f.errorProperty().get() != null);
    }

    /** {@code key=value} for every key that differs from the chosen model's defaults: what a run is given. */
    public List<String> overrides() {
        Record c = configs.get(kind.get());
        Map<String, String> flat = Config.flatten(c);
        List<String> out = new ArrayList<>();
        for (String k : Config.differences(defaults(kind.get()), c)) {
            if (flat.containsKey(k)) {
                out.add(k + "=" + flat.get(k));
            }
        }
        return out;
    }

    /** Reads a YAML or JSON config into the current model's form (a file may name any subset of keys). */
    public void load(Path file) {
        try {
            configs.put(kind.get(), ConfigIO.read(configClass(kind.get()), file));
            rebuild();
            status.set("Loaded " + file);
        } catch (DataException e) {
            status.set(e.getMessage());
        }
    }

    /** Writes the current config, every key, as YAML or JSON by the file's extension. */
    public void save(Path file) {
        try {
            ConfigIO.write(configs.get(kind.get()), file);
            status.set("Saved " + file);
        } catch (DataException | java.io.UncheckedIOException e) {
            status.set(e.getMessage());
        }
    }

    /** Back to the chosen model's defaults. */
    public void reset() {
        configs.put(kind.get(), formDefaults(kind.get()));
        rebuild();
        status.set("Defaults restored");
    }

    public ObjectProperty<ModelKind> kindProperty() {
        return kind;
    }

    public ReadOnlyObjectProperty<Record> configProperty() {
        return config.getReadOnlyProperty();
    }

    public ObservableList<Field> fields() {
        return fieldsView;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }
}
