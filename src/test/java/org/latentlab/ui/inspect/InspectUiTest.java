package org.latentlab.ui.inspect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.DialogPane;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import org.jfree.chart.fx.ChartViewer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.latentlab.ui.UiExecutors;
import org.latentlab.ui.WorkbenchOptions;
import org.latentlab.ui.WorkbenchViewModel;
import org.latentlab.ui.WorkbenchWindow;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Opening a run on Monocle's headless platform switches to the Inspect tab and draws the factors. */
@ExtendWith(ApplicationExtension.class)
class InspectUiTest {
    private WorkbenchViewModel vm;
    private Path dir;

    @Start
    void start(Stage stage) throws Exception {
        dir = Files.createTempDirectory("inspect-ui");
        vm = WorkbenchWindow.show(stage, new WorkbenchOptions(null, null, 1200, 760, dir.resolve("settings.json"),
                () -> "test cpu"), UiExecutors.fx());
    }

    @Test
    void openingARunShowsTheInspectTabWithItsFactors(FxRobot robot) throws Exception {
        Path data = dir.resolve("tiny.h5");
        Path run = dir.resolve("run");
        InspectViewModelTest.cli("synth", "chaotic-rnn-inputs", "--out", data.toString(), "--trials", "20",
                "--time", "15", "--set", "conditions=2", "--set", "units=10", "--set", "neurons=6",
                "--set", "max-draws=1", "--set", "pulse-interval=15");
        InspectViewModelTest.cli("train", "--data", data.toString(), "--out", run.toString(), "--samples", "2",
                "--set", "train.max_epochs=2", "--set", "model.gen_dim=8", "--set", "model.fac_dim=3",
                "--set", "model.ic_enc_dim=6", "--set", "model.ci_enc_dim=6", "--set", "model.con_dim=6",
                "--set", "model.ic_dim=4", "--set", "model.co_dim=1");

        robot.interact(() -> vm.openRun(run));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> chartTitle(robot, "#factors-chart") != null);
        TabPane screens = robot.lookup("#screens").queryAs(TabPane.class);
        assertEquals("inspect-tab", screens.getSelectionModel().getSelectedItem().getId());
        assertTrue(chartTitle(robot, "#factors-chart").startsWith("Factors · trial 0"));
        assertTrue(chartTitle(robot, "#pca-chart").contains("of variance"), chartTitle(robot, "#pca-chart"));

        robot.interact(() -> vm.openRun(dir));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !robot.lookup("#error-dialog").queryAll().isEmpty());
        DialogPane error = robot.lookup("#error-dialog").queryAs(DialogPane.class);
        assertTrue(error.getContentText().contains("no lfads_output_*.h5"), error.getContentText());
        robot.clickOn("OK");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(chartTitle(robot, "#factors-chart").startsWith("Factors"), "the run shown before stays");
    }

    private static String chartTitle(FxRobot robot, String id) {
        ChartViewer v = robot.lookup(id).queryAs(ChartViewer.class);
        return v == null || v.getChart() == null ? null : v.getChart().getTitle().getText();
    }
}
