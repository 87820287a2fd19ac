package org.latentlab.ui.data;

import java.util.function.Consumer;
import javafx.scene.Node;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.stage.Window;
import org.latentlab.core.data.nwb.NwbImportOptions;
import org.latentlab.ui.data.NwbImportViewModel.Field;

/**
 * The NWB import form: how to cut the recording into trials and bins. Each field has its validation
 * message beside it, and Import stays disabled until every field is valid.
 */
public final class NwbImportDialog {
    private NwbImportDialog() {
    }

    /**
     * Shows the form without blocking; {@code onImport} gets the options when the user imports, {@code onCancel}
     * runs when the form is closed any other way.
     */
    public static Dialog<NwbImportOptions> show(Window owner, NwbImportViewModel vm, Consumer<NwbImportOptions> onImport,
                                                Runnable onCancel) {
        Dialog<NwbImportOptions> d = new Dialog<>();
        d.initOwner(owner);
        d.setTitle("Import NWB");
        d.setHeaderText("Import " + vm.file().getFileName() + "\n" + vm.description());
        ButtonType importButton = new ButtonType("_Import", ButtonBar.ButtonData.OK_DONE);
        d.getDialogPane().getButtonTypes().addAll(importButton, ButtonType.CANCEL);
        d.getDialogPane().setId("nwb-import-dialog");
        d.getDialogPane().lookupButton(importButton).disableProperty().bind(vm.validProperty().not());
        d.getDialogPane().setContent(form(vm));
        d.setResultConverter(b -> b == importButton ? vm.optionsProperty().get() : null);
        d.setOnHidden(e -> {
            if (d.getResult() != null) {
                onImport.accept(d.getResult());
            } else {
                onCancel.run();
            }
        });
        d.show();
        return d;
    }

    private static Node form(NwbImportViewModel vm) {
        GridPane g = new GridPane();
        g.setHgap(10);
        g.setVgap(6);
        g.getColumnConstraints().addAll(new ColumnConstraints(), new ColumnConstraints(170), new ColumnConstraints(320));
        ComboBox<String> align = new ComboBox<>(vm.alignColumns());
        align.valueProperty().bindBidirectional(vm.alignProperty());
        align.setMaxWidth(Double.MAX_VALUE);
        int row = 0;
        row = add(g, row, "_Align on column", align, vm, Field.ALIGN);
        row = add(g, row, "Window _start (ms)", field(vm, Field.START, "e.g. -250"), vm, Field.START);
        row = add(g, row, "Window _end (ms)", field(vm, Field.END, "e.g. 450"), vm, Field.END);
        row = add(g, row, "_Bin (ms)", field(vm, Field.BIN, "e.g. 5"), vm, Field.BIN);
        row = add(g, row, "_Held-out units", field(vm, Field.HELD_OUT, "file, none, a count, or ids 1011,2045"), vm,
                Field.HELD_OUT);
        CheckBox splitColumn = new CheckBox("_Use the trials table's split column");
        splitColumn.setMnemonicParsing(true);
        splitColumn.selectedProperty().bindBidirectional(vm.useSplitColumnProperty());
        splitColumn.setDisable(!vm.splitColumnAvailable());
        g.add(splitColumn, 1, row++, 2, 1);
        TextField valid = field(vm, Field.VALID, "share of trials, e.g. 0.2");
        TextField test = field(vm, Field.TEST, "share of trials, e.g. 0.1");
        valid.disableProperty().bind(vm.useSplitColumnProperty());
        test.disableProperty().bind(vm.useSplitColumnProperty());
        row = add(g, row, "_Valid fraction", valid, vm, Field.VALID);
        row = add(g, row, "_Test fraction", test, vm, Field.TEST);
        row = add(g, row, "See_d", field(vm, Field.SEED, "seeds the split and random held-out units"), vm, Field.SEED);
        Label bins = new Label();
        bins.setId("nwb-bins-hint");
        bins.getStyleClass().add("hint");
        bins.textProperty().bind(vm.binsHint());
        g.add(bins, 1, row, 2, 1);
        return g;
    }

    private static TextField field(NwbImportViewModel vm, Field f, String prompt) {
        TextField t = new TextField();
        t.setId("nwb-" + f.name().toLowerCase(java.util.Locale.ROOT));
        t.textProperty().bindBidirectional(vm.text(f));
        t.setPromptText(prompt);
        return t;
    }

    private static int add(GridPane g, int row, String label, Node input, NwbImportViewModel vm, Field f) {
        Label l = new Label(label);
        l.setMnemonicParsing(true);
        l.setLabelFor(input);
        Label message = new Label();
        message.setId("nwb-" + f.name().toLowerCase(java.util.Locale.ROOT) + "-message");
        message.getStyleClass().add("field-message");
        message.setWrapText(true);
        // Without this a two-line message keeps its row at one line's height and is cut off with "...".
        message.setMinHeight(Region.USE_PREF_SIZE);
        message.textProperty().bind(vm.message(f));
        g.addRow(row, l, input, message);
        return row + 1;
    }
}
