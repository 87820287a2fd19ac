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
        Scene scene = new Scene(new WorkbenchView(vm), o.width(), o.height());
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
        stage.setOnHidden(e -> vm.rememberWindow(
                new Settings.WindowBounds(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight())));
        stage.show();
        if (o.file() != null) {
            vm.open(o.file());
        }
        return vm;
    }

    /** Saved bounds from a monitor that is no longer attached would put the window out of reach. */
    private static boolean onScreen(Settings.WindowBounds b) {
        return !Screen.getScreensForRectangle(new Rectangle2D(b.x(), b.y(), b.width(), b.height())).isEmpty();
    }
}
