package org.latentlab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.jfree.chart.fx.ChartViewer;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The workbench on Monocle's headless platform: it opens the sample, shows its summary, steps through
 * trials from the mouse and the keyboard, and answers a bad file with an error dialog while staying usable.
 */
@ExtendWith(ApplicationExtension.class)
class WorkbenchUiTest {
    static final Path SAMPLE = Path.of(System.getProperty("latentlab.project.dir", "."), "sample-data", "lorenz.h5");

    private WorkbenchViewModel vm;
    private Path dir;

    @Start
    void start(Stage stage) throws Exception {
        dir = Files.createTempDirectory("workbench-ui");
        vm = WorkbenchWindow.show(stage, new WorkbenchOptions(SAMPLE, null, 1200, 760, dir.resolve("settings.json"),
                () -> "test cpu"), UiExecutors.fx());
    }

    @Test
    void opensTheSampleStepsThroughTrialsAndReportsABadFile(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS,
                () -> !robot.lookup("#summary-trials").queryAll().isEmpty() && rasterTitle(robot) != null);
        assertEquals("400  (train 320, valid 80)", robot.lookup("#summary-trials").queryAs(Label.class).getText());
        assertEquals("Raster · train trial 0", rasterTitle(robot));
        assertEquals(SAMPLE.toAbsolutePath().normalize().toString(),
                robot.lookup("#status-file").queryAs(Label.class).getText());

        robot.clickOn("#trial-spinner .increment-arrow-button");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Raster · train trial 1", rasterTitle(robot));
        robot.clickOn("#trial-spinner .text-field").type(KeyCode.UP);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Raster · train trial 2", rasterTitle(robot));
        assertTrue(robot.lookup("#trial-info").queryAs(Label.class).getText().startsWith("trial 2 of 320 in train"));

        // Another session of the experiment joins the shown one; the list shows it and Remove takes it out.
        Path copy = Files.copy(SAMPLE, dir.resolve("lorenz-day2.h5"));
        robot.interact(() -> vm.data().addSession(copy));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !vm.data().moreFiles().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        @SuppressWarnings("unchecked")
        javafx.scene.control.ListView<Path> more = robot.lookup("#more-sessions").queryAs(javafx.scene.control.ListView.class);
        assertEquals(List.of(copy), more.getItems());
        assertTrue(robot.lookup("#remove-session").queryButton().isDisabled(), "nothing selected yet");
        robot.interact(() -> more.getSelectionModel().select(0));
        robot.clickOn("#remove-session");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(more.getItems().isEmpty());

        Path bad = Files.writeString(dir.resolve("notes.h5"), "not an HDF5 file");
        robot.interact(() -> vm.open(bad));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !robot.lookup("#error-dialog").queryAll().isEmpty());
        DialogPane error = robot.lookup("#error-dialog").queryAs(DialogPane.class);
        assertEquals(bad + ": not an HDF5 file (no HDF5 signature)", error.getContentText());
        robot.clickOn("OK");
        WaitForAsyncUtils.waitForFxEvents();
        assertNull(vm.data().errorProperty().get());
        assertTrue(robot.lookup("#error-dialog").queryAll().isEmpty());
        assertEquals("Raster · train trial 2", rasterTitle(robot), "the data shown before stays");
        assertEquals(SAMPLE.toAbsolutePath().normalize(), vm.recentFiles().get(0));
    }

    @Test
    void anNwbFileIsImportedThroughTheForm(FxRobot robot) throws Exception {
        Path nwb = Path.of(System.getProperty("latentlab.project.dir", "."),
                "../shared/data/mc_maze/sub-Jenkins_ses-full_desc-test_ecephys.nwb").normalize();
        Assumptions.assumeTrue(Files.isRegularFile(nwb), "the MC_Maze recording is not here");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> rasterTitle(robot) != null);
        robot.interact(() -> vm.open(nwb));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !robot.lookup("#nwb-bin").queryAll().isEmpty());
        DialogPane form = robot.lookup("#nwb-import-dialog").queryAs(DialogPane.class);
        Node importButton = form.lookupButton(form.getButtonTypes().get(0));

        robot.doubleClickOn("#nwb-bin").write("30");
        WaitForAsyncUtils.waitForFxEvents();
        String message = robot.lookup("#nwb-end-message").queryAs(Label.class).getText();
        assertTrue(message.startsWith("window -250:450 ms is not a whole number of 30 ms bins"), message);
        assertTrue(importButton.isDisabled());

        robot.doubleClickOn("#nwb-bin").write("20");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("35 bins of 20 ms per trial", robot.lookup("#nwb-bins-hint").queryAs(Label.class).getText());
        robot.clickOn(importButton);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS,
                () -> nwb.equals(vm.data().fileProperty().get()) && !vm.data().busyProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("137 held-in, 0 held-out", robot.lookup("#summary-channels").queryAs(Label.class).getText());
        assertEquals("35 × 20 ms = 700 ms", robot.lookup("#summary-bins").queryAs(Label.class).getText());
    }

    private static String rasterTitle(FxRobot robot) {
        ChartViewer v = robot.lookup("#raster-chart").queryAs(ChartViewer.class);
        return v == null || v.getChart() == null ? null : v.getChart().getTitle().getText();
    }
}
