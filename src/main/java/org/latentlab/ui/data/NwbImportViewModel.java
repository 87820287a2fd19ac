package org.latentlab.ui.data;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.latentlab.core.data.DataException;
import org.latentlab.core.data.nwb.HeldOut;
import org.latentlab.core.data.nwb.NwbImportOptions;
import org.latentlab.core.data.nwb.NwbSummary;

/**
 * The NWB import form: one text property per field, a message per field, and the {@link NwbImportOptions}
 * they make (null while any field is invalid). Messages are core's own validation messages, placed beside
 * the field they name, so the form and {@code latentlab import} reject the same values with the same words.
 */
public final class NwbImportViewModel {
    /** The form's fields, in the order the view lays them out. */
    public enum Field { ALIGN, START, END, BIN, HELD_OUT, VALID, TEST, SEED }

    private final Path file;
    private final NwbSummary summary;
    private final ObservableList<String> alignColumns;
    private final ObjectProperty<String> align = new SimpleObjectProperty<>(this, "align");
    private final Map<Field, StringProperty> text = new EnumMap<>(Field.class);
    private final Map<Field, ReadOnlyStringWrapper> messages = new EnumMap<>(Field.class);
    private final BooleanProperty useSplitColumn = new SimpleBooleanProperty(this, "useSplitColumn");
    private final ReadOnlyObjectWrapper<NwbImportOptions> options = new ReadOnlyObjectWrapper<>(this, "options");
    private final BooleanBinding valid = options.isNotNull();

    public NwbImportViewModel(Path file, NwbSummary summary) {
        this.file = file;
        this.summary = summary;
        this.alignColumns = FXCollections.unmodifiableObservableList(
                FXCollections.observableArrayList(summary.trialColumns()));
        for (Field f : Field.values()) {
            text.put(f, new SimpleStringProperty(this, f.name(), ""));
            messages.put(f, new ReadOnlyStringWrapper(this, f.name() + "Message", ""));
        }
        setDefaults();
        List<ObservableValue<?>> inputs = new java.util.ArrayList<>(text.values());
        inputs.add(align);
        inputs.add(useSplitColumn);
        inputs.forEach(p -> p.addListener((obs, was, now) -> validate()));
        validate();
    }

    /**
     * NLB's layout when the file has {@code move_onset_time} (-250 to 450 ms, 5 ms bins); otherwise whole
     * trials from their start in 10 ms bins.
     */
    private void setDefaults() {
        List<String> cols = summary.trialColumns();
        if (cols.contains("move_onset_time")) {
            align.set("move_onset_time");
            text(Field.START).set("-250");
            text(Field.END).set("450");
            text(Field.BIN).set("5");
        } else {
            align.set(cols.contains("start_time") ? "start_time" : cols.isEmpty() ? "" : cols.get(0));
            double len = Double.isNaN(summary.meanTrialMs()) ? 500 : Math.max(10, Math.floor(summary.meanTrialMs() / 10) * 10);
            text(Field.START).set("0");
            text(Field.END).set(SummaryRows.num(len));
            text(Field.BIN).set("10");
        }
        text(Field.HELD_OUT).set("file");
        text(Field.VALID).set(String.valueOf(NwbImportOptions.DEFAULT_VALID_FRACTION));
        text(Field.TEST).set(String.valueOf(NwbImportOptions.DEFAULT_TEST_FRACTION));
        text(Field.SEED).set(String.valueOf(NwbImportOptions.DEFAULT_SEED));
    }

    private void validate() {
        messages.values().forEach(m -> m.set(""));
        options.set(null);
        try {
            double start = number(Field.START);
            double end = number(Field.END);
            double bin = number(Field.BIN);
            double validF = number(Field.VALID);
            double testF = number(Field.TEST);
            long seed = wholeNumber(Field.SEED);
            HeldOut heldOut = parse(Field.HELD_OUT, () -> HeldOut.parse(text(Field.HELD_OUT).get()));
            String column = align.get();
            NwbImportOptions o = parse(null, () -> NwbImportOptions.of(column, start, end, bin).withHeldOut(heldOut)
                    .withFractions(validF, testF).withSplitColumn(useSplitColumn.get()).withSeed(seed));
            options.set(o);
        } catch (InvalidField e) {
            messages.get(e.field).set(e.getMessage());
        }
    }

    private double number(Field f) {
        String t = text(f).get().trim();
        try {
            return Double.parseDouble(t);
        } catch (NumberFormatException e) {
            throw new InvalidField(f, t.isEmpty() ? "required" : "'" + t + "' is not a number");
        }
    }

    private long wholeNumber(Field f) {
        String t = text(f).get().trim();
        try {
            return Long.parseLong(t);
        } catch (NumberFormatException e) {
            throw new InvalidField(f, t.isEmpty() ? "required" : "'" + t + "' is not a whole number");
        }
    }

    /** Runs core's validation; its message goes beside {@code field}, or beside the field it names. */
    private static <T> T parse(Field field, java.util.function.Supplier<T> make) {
        try {
            return make.get();
        } catch (DataException e) {
            // The command line's option name ("--heldout: ...") means nothing beside a form field.
            String m = e.getMessage().replaceFirst("^--[a-z-]+: ", "");
            throw new InvalidField(field != null ? field : fieldNamedIn(m), m);
        }
    }

    /** Which field a message from {@link NwbImportOptions}' constructor is about (its first word names it). */
    static Field fieldNamedIn(String message) {
        String m = message == null ? "" : message;
        if (m.startsWith("alignColumn")) {
            return Field.ALIGN;
        }
        if (m.startsWith("binMs")) {
            return Field.BIN;
        }
        if (m.startsWith("validFraction + testFraction") || m.startsWith("testFraction")) {
            return Field.TEST;
        }
        if (m.startsWith("validFraction")) {
            return Field.VALID;
        }
        if (m.startsWith("heldOut") || m.startsWith("--heldout")) {
            return Field.HELD_OUT;
        }
        // Window messages name both ends; the end is where a too-short or ragged window is usually fixed.
        return Field.END;
    }

    private static final class InvalidField extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final transient Field field;

        InvalidField(Field field, String message) {
            super(message, null, false, false);
            this.field = field;
        }
    }

    public Path file() {
        return file;
    }

    /** One line on what the file holds, shown above the form. */
    public String description() {
        return String.format("%d units (%d marked held-out), %d trials of %.0f ms on average, %d spikes",
                summary.units(), summary.heldOutUnits(), summary.trials(), summary.meanTrialMs(), summary.spikes());
    }

    public boolean splitColumnAvailable() {
        return !summary.splitColumn().isEmpty();
    }

    public ObservableList<String> alignColumns() {
        return alignColumns;
    }

    public ObjectProperty<String> alignProperty() {
        return align;
    }

    public StringProperty text(Field f) {
        return text.get(f);
    }

    public ReadOnlyStringProperty message(Field f) {
        return messages.get(f).getReadOnlyProperty();
    }

    public BooleanProperty useSplitColumnProperty() {
        return useSplitColumn;
    }

    /** The options the form describes, or null while a field is invalid. */
    public ReadOnlyObjectProperty<NwbImportOptions> optionsProperty() {
        return options.getReadOnlyProperty();
    }

    public BooleanBinding validProperty() {
        return valid;
    }

    /** Bins per trial under the current options, for the form's hint ("140 bins"). */
    public javafx.beans.binding.StringBinding binsHint() {
        return Bindings.createStringBinding(() -> options.get() == null ? ""
                : options.get().bins() + " bins of " + SummaryRows.num(options.get().binMs()) + " ms per trial", options);
    }
}
