package org.latentlab.ui.config;

import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import org.latentlab.core.config.ConfigKey;

/** Editors for config fields: a check box, a choice list or a text field, and the message shown beside it. */
final class FieldEditors {
    private FieldEditors() {
    }

    static Node editor(ConfigViewModel.Field f) {
        Node n;
        if (f.kind() == ConfigKey.Kind.BOOLEAN) {
            CheckBox box = new CheckBox();
            box.setSelected(Boolean.parseBoolean(f.textProperty().get()));
            box.selectedProperty().addListener((obs, was, now) -> f.textProperty().set(Boolean.toString(now)));
            n = box;
        } else if (f.kind() == ConfigKey.Kind.CHOICE || f.kind() == ConfigKey.Kind.TYPE) {
            ComboBox<String> box = new ComboBox<>();
            box.getItems().setAll(f.choices());
            box.setValue(f.textProperty().get());
            box.valueProperty().addListener((obs, was, now) -> f.textProperty().set(now));
            n = box;
        } else {
            TextField t = new TextField();
            t.textProperty().bindBidirectional(f.textProperty());
            t.setPrefColumnCount(8);
            n = t;
        }
        n.setId("field-" + f.key().replace('.', '-'));
        Tooltip.install(n, new Tooltip(f.key() + ": " + f.expects()));
        return n;
    }

    /** The reason a field's text was refused, empty while it is accepted. */
    static Label error(ConfigViewModel.Field f) {
        Label l = new Label();
        l.getStyleClass().add("field-error");
        l.setStyle("-fx-text-fill: #c0392b;");
        l.setWrapText(true);
        l.setMaxWidth(360);
        l.textProperty().bind(f.errorProperty().map(s -> s).orElse(""));
        l.visibleProperty().bind(l.textProperty().isNotEmpty());
        l.managedProperty().bind(l.visibleProperty()); // takes no room while the field is fine
        return l;
    }

    /** Rows of label, editor and message for each field, the label being the key after {@code prefix}. */
    static GridPane form(Iterable<ConfigViewModel.Field> fields, String prefix) {
        GridPane g = new GridPane();
        g.setHgap(8);
        g.setVgap(4);
        int row = 0;
        for (ConfigViewModel.Field f : fields) {
            String name = f.key().startsWith(prefix + ".") ? f.key().substring(prefix.length() + 1) : f.key();
            g.addRow(row++, new Label(name), editor(f), error(f));
        }
        return g;
    }
}
