package org.latentlab.ui;

import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.stage.Screen;
import javafx.stage.Stage;

/** Puts the workbench on a stage: scene, style sheet, icon, saved bounds, and saving them on close. */
public final class WorkbenchWindow {
    private WorkbenchWindow() {
    }

    public static WorkbenchViewModel show(Stage stage, WorkbenchOptions o, UiExecutors exec) {
        WorkbenchViewModel vm = new WorkbenchViewModel(exec, o.settingsFile(), o.deviceText());
        WorkbenchView view = new WorkbenchView(vm);
        Scene scene = new Scene(view, o.width(), o.height());
        var css = WorkbenchWindow.class.getResource("/ui/workbench.css");
        if (css != null) {
            scene.getStylesheets().add(css.toExternalForm());
        }
        stage.setScene(scene);
        stage.setTitle("LatentLab");
        var icon = WorkbenchWindow.class.getResourceAsStream("/ui/latentlab.png");
        if (icon != null) {
            stage.getIcons().add(new Image(icon));
        }
        stage.setMinWidth(640);
        stage.setMinHeight(420);
        Settings.WindowBounds b = vm.windowBounds();
        if (o.screenshot() == null && b != null && onScreen(b)) {
            stage.setX(b.x());
            stage.setY(b.y());
            stage.setWidth(b.width());
            stage.setHeight(b.height());
        }
        stage.setOnCloseRequest(e -> {
            if (view.runView().isRunning() && !confirmStop(stage)) {
                e.consume();
            } else {
                vm.run().stop();
            }
        });
        stage.setOnHidden(e -> vm.rememberWindow(
                new Settings.WindowBounds(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight())));
        stage.show();
        if (o.file() != null) {
            vm.open(o.file());
        }
        if (o.run() != null) {
            vm.run().openRun(o.run());
            if (java.nio.file.Files.exists(o.run().resolve("summary.json"))) {
                vm.openRun(o.run());
            }
        }
        // Opening a file or a run selects its own screen; the screen asked for wins once the first ones are shown.
        if (o.screenshot() != null || !o.screen().equals("data")) {
            javafx.application.Platform.runLater(() -> view.select(o.screen()));
            once(vm.data().sessionProperty(), () -> view.select(o.screen()));
            once(vm.inspect().runProperty(), () -> view.select(o.screen()));
        }
        return vm;
    }

    /** Runs {@code action} after the first change of {@code value} (later on the FX thread), then forgets it. */
    private static void once(javafx.beans.value.ObservableValue<?> value, Runnable action) {
        javafx.beans.value.ChangeListener<Object> l = new javafx.beans.value.ChangeListener<>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<?> obs, Object was, Object now) {
                value.removeListener(this);
                javafx.application.Platform.runLater(action);
            }
        };
        value.addListener(l);
    }

    /** Asks whether to stop a running training before closing; its last checkpoint stays either way. */
    private static boolean confirmStop(Stage stage) {
        javafx.scene.control.Alert a = new javafx.scene.control.Alert(javafx.scene.control.Alert.AlertType.CONFIRMATION,
                "Training is still running. Stop it and close? The last checkpoint is kept, and starting the same "
                        + "run again resumes from it.", javafx.scene.control.ButtonType.YES,
                javafx.scene.control.ButtonType.NO);
        a.initOwner(stage);
        a.setTitle("LatentLab");
        a.setHeaderText("Stop training?");
        a.getDialogPane().setId("stop-dialog");
        return a.showAndWait().filter(b -> b == javafx.scene.control.ButtonType.YES).isPresent();
    }

    /** Saved bounds from a monitor that is no longer attached would put the window out of reach. */
    private static boolean onScreen(Settings.WindowBounds b) {
        return !Screen.getScreensForRectangle(new Rectangle2D(b.x(), b.y(), b.width(), b.height())).isEmpty();
    }
}
