package org.latentlab.ui.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.data.xy.XYDataset;
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

/**
 * On Monocle's headless platform: the Run screen trains a small population on a small recording, points arrive in
 * the loss chart while it runs, the family tree appears, and the finished run opens in Inspect.
 */
@ExtendWith(ApplicationExtension.class)
class RunUiTest {
    private WorkbenchViewModel vm;
    private Path dir;
    private Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        dir = Files.createTempDirectory("run-ui");
        Path data = dir.resolve("tiny.h5");
        RunViewModelTest.cli("synth", "lorenz", "--out", data.toString(), "--trials", "24", "--time", "15",
                "--set", "conditions=3", "--set", "neurons=6");
        vm = WorkbenchWindow.show(stage, new WorkbenchOptions(data, null, 1280, 800, dir.resolve("settings.json"),
                () -> "test cpu"), UiExecutors.fx());
    }

    @Test
    void aPopulationTrainsLiveAndOpensInInspect(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> vm.data().sessionProperty().get() != null);
        // Nodes are looked up in this test's own scene: earlier tests' windows may still hold the same ids.
        robot.interact(() -> ((TabPane) stage.getScene().lookup("#screens")).getSelectionModel().select(3));
        robot.interact(() -> {
            vm.run().outDirProperty().set(dir.resolve("pop").toString());
            RunViewModelTest.set(vm.config(), RunViewModelTest.TINY);
            RunViewModelTest.set(vm.config(), java.util.List.of("pbt.population=2", "pbt.epochs_per_generation=1",
                    "pbt.max_generations=3", "pbt.burn_in_epochs=1"));
        });
        robot.interact(() -> ((javafx.scene.control.Button) stage.getScene().lookup("#run-start")).fire());
        try {
            WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> points(robot, "#run-loss-chart") > 0);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("no points; status: " + vm.run().statusProperty().get() + ", running "
                    + vm.run().runningProperty().get() + ", log " + vm.run().log(), e);
        }
        assertTrue(points(robot, "#run-loss-chart") > 0, "points arrive while training");
        WaitForAsyncUtils.waitFor(240, TimeUnit.SECONDS, () -> !vm.run().runningProperty().get());
        Label status = (Label) stage.getScene().lookup("#run-status");
        assertTrue(status.getText().startsWith("Finished"), status.getText());
        assertEquals(6, points(robot, "#run-loss-chart"), "2 members x 3 epochs");
        assertTrue(points(robot, "#run-tree-chart") > 0, "the family tree is drawn");
        assertTrue(points(robot, "#run-hyper-chart") > 0, "the chosen hyperparameter's trajectories are drawn");
        @SuppressWarnings("unchecked")
        javafx.scene.control.ComboBox<String> chooser =
                (javafx.scene.control.ComboBox<String>) stage.getScene().lookup("#run-hyper-choice");
        assertEquals(vm.run().generations().get(0).columns(), chooser.getItems(), "the log's hyperparameters");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> vm.inspect().runProperty().get() != null);
        TabPane screens = (TabPane) stage.getScene().lookup("#screens");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("inspect-tab", screens.getSelectionModel().getSelectedItem().getId());

        // Export the Inspect screen's factors chart as the context menu's item does after its dialogs.
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS,
                () -> ((ChartViewer) stage.getScene().lookup("#factors-chart")).getChart() != null);
        Path png = dir.resolve("factors.png");
        robot.interact(() -> org.latentlab.ui.ChartExport.save((ChartViewer) stage.getScene().lookup("#factors-chart"),
                png, 800, 500));
        java.awt.image.BufferedImage img = javax.imageio.ImageIO.read(png.toFile());
        assertEquals(800, img.getWidth());
        assertEquals(500, img.getHeight());
    }

    /** Data points (finite y) over every series of a chart viewer's chart, 0 when it shows none. */
    private int points(FxRobot robot, String id) {
        ChartViewer v = (ChartViewer) stage.getScene().lookup(id);
        JFreeChart chart = v.getChart();
        if (chart == null) {
            return 0;
        }
        XYDataset d = chart.getXYPlot().getDataset();
        int n = 0;
        for (int s = 0; s < d.getSeriesCount(); s++) {
            for (int i = 0; i < d.getItemCount(s); i++) {
                n += Double.isFinite(d.getYValue(s, i)) ? 1 : 0;
            }
        }
        return n;
    }
}
