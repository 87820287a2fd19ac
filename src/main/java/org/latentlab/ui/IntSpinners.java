package org.latentlab.ui;

import javafx.beans.binding.Bindings;
import javafx.beans.property.IntegerProperty;
import javafx.beans.value.ObservableIntegerValue;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.util.StringConverter;

/** Editable integer spinners kept in step with a ViewModel property. */
public final class IntSpinners {
    private IntSpinners() {
    }

    /**
     * A spinner over {@code 0 .. count-1} that writes to and follows {@code value}. Typed text that is not a
     * number is ignored (the spinner keeps its value) instead of throwing on the FX thread.
     */
    public static Spinner<Integer> of(IntegerProperty value, ObservableIntegerValue count) {
        var factory = new SpinnerValueFactory.IntegerSpinnerValueFactory(0, 0, 0);
        factory.maxProperty().bind(Bindings.createIntegerBinding(() -> Math.max(0, count.get() - 1), count));
        factory.setConverter(new StringConverter<>() {
            @Override
            public String toString(Integer v) {
                return v == null ? "" : v.toString();
            }

            @Override
            public Integer fromString(String s) {
                try {
                    return Integer.parseInt(s.trim());
                } catch (NumberFormatException e) {
                    return factory.getValue();
                }
            }
        });
        factory.setValue(value.get());
        factory.valueProperty().addListener((obs, was, now) -> {
            if (now != null && now != value.get()) {
                value.set(now);
            }
        });
        value.addListener((obs, was, now) -> factory.setValue(now.intValue()));
        Spinner<Integer> spinner = new Spinner<>(factory);
        spinner.setEditable(true);
        spinner.setPrefWidth(96);
        return spinner;
    }
}
