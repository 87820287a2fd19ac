package org.latentlab.ui.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import org.latentlab.ui.Forms;

/**
 * The Population screen: population size, generation length, burn-in, exploit rule, stop rule, time budget
 * and executor, and the search space as a table (one row per hyperparameter: searched, range, initial
 * distribution, explore weight, limits). Only AutoLFADS has a population; for LFADS the screen says so.
 */
public final class PopulationView extends BorderPane {
    private static final List<String> COLUMNS = List.of("search", "min", "max", "init", "explore_weight",
            "enforce_limits");
    private final ConfigViewModel vm;
    private final VBox body = new VBox(8);

    public PopulationView(ConfigViewModel vm) {
        this.vm = vm;
        getStyleClass().add("population-view");
        body.setPadding(new Insets(12));
        ScrollPane scroll = new ScrollPane(body);
        scroll.setFitToWidth(true);
        setCenter(scroll);
        vm.fields().addListener((javafx.collections.ListChangeListener<ConfigViewModel.Field>) c -> fill());
        fill();
    }

    private void fill() {
        body.getChildren().clear();
        if (!vm.kindProperty().get().population()) {
            body.getChildren().add(Forms.hint("A population is trained for AutoLFADS or an iLQR-VAE population: "
                    + "choose one on the Model screen."));
            return;
        }
        List<ConfigViewModel.Field> general = vm.section("pbt").stream()
                .filter(f -> !f.key().startsWith("pbt.search")).toList(); // the search space's type follows the model
        TitledPane settings = new TitledPane("population", FieldEditors.form(general, "pbt"));
        settings.setId("section-pbt");
        TitledPane space = new TitledPane("search space", searchSpace());
        space.setId("section-search");
        body.getChildren().addAll(settings, space);
    }

    /** Rows are hyperparameters, columns their range settings; each cell edits one key. */
    private GridPane searchSpace() {
        Map<String, Map<String, ConfigViewModel.Field>> rows = new LinkedHashMap<>();
        for (ConfigViewModel.Field f : vm.section("pbt.search")) {
            String[] parts = f.key().substring("pbt.search.".length()).split("\\.");
            rows.computeIfAbsent(parts[0], k -> new LinkedHashMap<>()).put(parts[1], f);
        }
        GridPane g = new GridPane();
        g.setHgap(8);
        g.setVgap(4);
        g.add(new Label("hyperparameter"), 0, 0);
        for (int c = 0; c < COLUMNS.size(); c++) {
            g.add(new Label(COLUMNS.get(c)), c + 1, 0);
        }
        int r = 1;
        for (Map.Entry<String, Map<String, ConfigViewModel.Field>> e : rows.entrySet()) {
            g.add(new Label(e.getKey()), 0, r);
            VBox errors = new VBox();
            for (int c = 0; c < COLUMNS.size(); c++) {
                ConfigViewModel.Field f = e.getValue().get(COLUMNS.get(c));
                if (f != null) {
                    g.add(FieldEditors.editor(f), c + 1, r);
                    errors.getChildren().add(FieldEditors.error(f));
                }
            }
            g.add(errors, COLUMNS.size() + 1, r);
            r++;
        }
        return g;
    }
}
