package org.latentlab.ui.config;

import java.io.File;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.latentlab.ui.Forms;

/**
 * The Model screen: the model family and every model, training and augmentation key as a form generated from
 * the config records, each field checked as it is typed with the reason beside it; load, save, defaults.
 */
public final class ModelView extends BorderPane {
    private final ConfigViewModel vm;
    private final VBox sections = new VBox(8);

    public ModelView(ConfigViewModel vm) {
        this.vm = vm;
        getStyleClass().add("model-view");
        ComboBox<ConfigViewModel.ModelKind> kind = new ComboBox<>();
        kind.getItems().setAll(ConfigViewModel.ModelKind.values());
        kind.valueProperty().bindBidirectional(vm.kindProperty());
        kind.setId("model-kind");
        Button load = new Button("_Load…");
        load.setOnAction(e -> choose(false));
        Button save = new Button("_Save…");
        save.setOnAction(e -> choose(true));
        Button reset = new Button("_Defaults");
        reset.setOnAction(e -> vm.reset());
        Label status = Forms.hint("");
        status.textProperty().bind(vm.statusProperty());
        HBox bar = new HBox(8, Forms.mnemonic("_Model", kind), kind, load, save, reset, status);
        bar.setPadding(new Insets(8, 12, 8, 12));
        setTop(bar);
        sections.setPadding(new Insets(8, 12, 12, 12));
        ScrollPane scroll = new ScrollPane(sections);
        scroll.setFitToWidth(true);
        setCenter(scroll);
        vm.fields().addListener((javafx.collections.ListChangeListener<ConfigViewModel.Field>) c -> fill());
        fill();
    }

    private void fill() {
        sections.getChildren().clear();
        for (String s : new String[] {"model", "train", "augment"}) {
            if (vm.section(s).isEmpty()) {
                continue; // iLQR-VAE has no augmentations
            }
            TitledPane p = new TitledPane(s, FieldEditors.form(vm.section(s), s));
            p.setId("section-" + s);
            sections.getChildren().add(p);
        }
    }

    private void choose(boolean save) {
        FileChooser fc = new FileChooser();
        fc.setTitle(save ? "Save config" : "Load config");
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("Config (*.yaml, *.yml, *.json)",
                "*.yaml", "*.yml", "*.json"));
        File f = save ? fc.showSaveDialog(getScene().getWindow()) : fc.showOpenDialog(getScene().getWindow());
        if (f != null) {
            if (save) {
                vm.save(f.toPath());
            } else {
                vm.load(f.toPath());
            }
        }
    }
}
