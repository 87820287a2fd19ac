package org.latentlab.ui;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import javafx.animation.KeyFrame;
import javafx.animation.PauseTransition;
import javafx.animation.Timeline;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javafx.util.Duration;
import javax.imageio.ImageIO;
import org.latentlab.core.data.AtomicFiles;
import org.latentlab.ui.data.DataViewModel;

/**
 * Renders the main window to a PNG once its file is on screen (read, charts drawn, device known), then ends
 * the application: {@code latentlab gui --screenshot OUT.png FILE}, for the README and for review.
 */
final class Screenshot {
    private static final Duration POLL = Duration.millis(100);
    private static final int MAX_POLLS = 1200;

    private final Stage stage;
    private final WorkbenchViewModel vm;
    private final Path out;
    private int polls;

    private final boolean waitForInspect;

    /** @param waitForInspect whether a run is being opened in Inspect (then the shot waits for its charts) */
    Screenshot(Stage stage, WorkbenchViewModel vm, Path out, boolean waitForInspect) {
        this.stage = stage;
        this.vm = vm;
        this.out = out;
        this.waitForInspect = waitForInspect;
    }

    void takeWhenReady() {
        Timeline poll = new Timeline();
        poll.getKeyFrames().add(new KeyFrame(POLL, e -> {
            DataViewModel d = vm.data();
            if (d.errorProperty().get() != null || vm.inspect().errorProperty().get() != null) {
                poll.stop();
                Workbench.finish(2, d.errorProperty().get() != null ? d.errorProperty().get()
                        : vm.inspect().errorProperty().get());
            } else if (d.nwbImportProperty().get() != null) {
                poll.stop();
                Workbench.finish(2, d.nwbImportProperty().get().file() + ": is an NWB file; import it first "
                        + "(latentlab import ... --out F.h5) and take the screenshot of F.h5");
            } else if (ready(d)) {
                poll.stop();
                // A few more pulses so the charts, laid out at their final size, have painted.
                PauseTransition settle = new PauseTransition(Duration.millis(400));
                settle.setOnFinished(x -> write());
                settle.play();
            } else if (++polls > MAX_POLLS) {
                poll.stop();
                Workbench.finish(2, "the workbench did not show the file within two minutes");
            }
        }));
        poll.setCycleCount(Timeline.INDEFINITE);
        poll.play();
    }

    private boolean ready(DataViewModel d) {
        boolean data = d.sessionProperty().get() != null || vm.fileText().get().equals("No file open");
        boolean plots = d.sessionProperty().get() == null
                || d.selection().psthProperty().get() != null && d.selection().rasterProperty().get() != null;
        boolean run = !vm.inspect().busyProperty().get()
                && (!waitForInspect || vm.inspect().runProperty().get() != null);
        return !d.busyProperty().get() && data && plots && run && !vm.deviceProperty().get().endsWith("detecting…");
    }

    private void write() {
        WritableImage image = stage.getScene().snapshot(null);
        BufferedImage png = SwingFXUtils.fromFXImage(image, null);
        try {
            AtomicFiles.write(out, tmp -> ImageIO.write(png, "png", tmp.toFile()));
            Workbench.finish(0, null);
        } catch (RuntimeException e) {
            Workbench.finish(2, e.getMessage());
        }
    }
}
