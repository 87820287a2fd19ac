package org.latentlab.ui;

import javafx.application.Application;
import javafx.stage.Stage;

/**
 * The JavaFX application. Started through {@link Workbench#launch}, which hands it its options: JavaFX
 * creates this class itself, so the options travel through a static field set just before launch.
 */
public final class WorkbenchApp extends Application {
    @Override
    public void start(Stage stage) {
        Workbench.started();
        WorkbenchOptions o = Workbench.options();
        UiExecutors exec = UiExecutors.fx();
        WorkbenchViewModel vm = WorkbenchWindow.show(stage, o, exec);
        if (o.screenshot() != null) {
            boolean inspect = o.run() != null && java.nio.file.Files.exists(o.run().resolve("summary.json"));
            new Screenshot(stage, vm, o.screenshot(), inspect).takeWhenReady();
        }
    }
}
