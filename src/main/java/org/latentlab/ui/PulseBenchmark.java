package org.latentlab.ui;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.stage.Stage;

/**
 * A benchmark, not a test: does the workbench stay responsive while a population trains and plots every
 * epoch? It opens the workbench headless (Monocle) on a recording, starts a run on the Run screen with the
 * given settings, records the time of every FX pulse while training, and prints the longest gap between two
 * pulses (the target is under 100 ms) with the distribution of gaps. Run it with {@code bench/fx-pulse.sh}.
 *
 * <p>Arguments: {@code DATA.h5 OUT_DIR POPULATION EPOCHS_PER_GENERATION GENERATIONS [key=value ...]}.
 */
public final class PulseBenchmark {
    private PulseBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 5) {
            System.err.println("usage: PulseBenchmark DATA.h5 OUT_DIR POPULATION EPOCHS_PER_GENERATION GENERATIONS [key=value ...]");
            System.exit(2);
        }
        Path data = Path.of(args[0]);
        Path out = Path.of(args[1]);
        int population = Integer.parseInt(args[2]);
        int epochs = Integer.parseInt(args[3]);
        int generations = Integer.parseInt(args[4]);
        List<String> settings = Arrays.asList(args).subList(5, args.length);
        HeadlessPlatform.useForScreenshot(1280, 800);
        CountDownLatch done = new CountDownLatch(1);
        List<Long> pulses = new ArrayList<>();
        long[] firstEpoch = {0};
        Platform.startup(() -> {
            Stage stage = new Stage();
            WorkbenchViewModel vm = WorkbenchWindow.show(stage, new WorkbenchOptions(data, null, 1280, 800,
                    null, () -> "benchmark"), UiExecutors.fx());
            AnimationTimer timer = new AnimationTimer() {
                @Override
                public void handle(long now) {
                    if (firstEpoch[0] != 0) {
                        pulses.add(now);
                    }
                }
            };
            vm.run().revisionProperty().addListener((obs, was, now) -> {
                if (firstEpoch[0] == 0 && vm.run().curves().members() > 0) {
                    firstEpoch[0] = System.nanoTime();
                }
            });
            vm.run().runningProperty().addListener((obs, was, running) -> {
                if (!running) {
                    timer.stop();
                    System.out.println(vm.run().statusProperty().get());
                    done.countDown();
                }
            });
            vm.data().fileProperty().addListener((obs, was, f) -> { // set just after the session
                if (f == null || vm.data().sessionProperty().get() == null) {
                    return;
                }
                ((WorkbenchView) stage.getScene().getRoot()).select("Run");
                vm.config().kindProperty().set(org.latentlab.ui.config.ConfigViewModel.ModelKind.AUTOLFADS);
                vm.run().outDirProperty().set(out.toString());
                vm.config().set("pbt.population", Integer.toString(population));
                vm.config().set("pbt.epochs_per_generation", Integer.toString(epochs));
                vm.config().set("pbt.max_generations", Integer.toString(generations));
                vm.config().set("pbt.max_minutes", "0");
                for (String kv : settings) {
                    int eq = kv.indexOf('=');
                    if (eq < 0 || !vm.config().set(kv.substring(0, eq), kv.substring(eq + 1))) {
                        throw new IllegalArgumentException("not a config key=value: " + kv);
                    }
                }
                timer.start();
                ((Button) stage.getScene().lookup("#run-start")).fire();
                if (!vm.run().runningProperty().get()) {
                    System.err.println("the run did not start: " + vm.run().statusProperty().get());
                    System.exit(2);
                }
            });
        });
        done.await();
        long[] gaps = new long[Math.max(0, pulses.size() - 1)];
        for (int i = 1; i < pulses.size(); i++) {
            gaps[i - 1] = pulses.get(i) - pulses.get(i - 1);
        }
        Arrays.sort(gaps);
        if (gaps.length == 0) {
            System.out.println("no pulses recorded");
        } else {
            System.out.printf(Locale.ROOT, "longest FX pulse gap %.1f ms over %d pulses (median %.1f ms, 99th "
                            + "percentile %.1f ms, %d gaps over 100 ms); population %d, %d generations of %d epochs%n",
                    gaps[gaps.length - 1] / 1e6, pulses.size(), gaps[gaps.length / 2] / 1e6,
                    gaps[(int) (gaps.length * 0.99)] / 1e6, Arrays.stream(gaps).filter(g -> g > 100_000_000L).count(),
                    population, generations, epochs);
        }
        Platform.exit();
        System.exit(0);
    }
}
