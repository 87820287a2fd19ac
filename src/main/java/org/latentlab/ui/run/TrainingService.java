package org.latentlab.ui.run;

import java.nio.file.Path;
import javafx.concurrent.Service;
import javafx.concurrent.Task;

/**
 * Runs one {@link RunViewModel.Job} on a background thread. Only its outcome comes back through the
 * service (succeeded or failed); live metrics travel through the job's event queue.
 */
final class TrainingService extends Service<Path> {
    private RunViewModel.Job job;

    TrainingService() {
        setExecutor(r -> {
            Thread t = new Thread(r, "training");
            t.setDaemon(true);
            t.start();
        });
    }

    void setJob(RunViewModel.Job job) {
        this.job = job;
    }

    @Override
    protected Task<Path> createTask() {
        RunViewModel.Job j = job;
        return new Task<>() {
            @Override
            protected Path call() throws Exception {
                return j.call();
            }
        };
    }
}
