package org.latentlab.ui.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentlab.core.config.AutoLfadsConfig;
import org.latentlab.core.config.Config;
import org.latentlab.core.config.ConfigIO;
import org.latentlab.core.config.ConfigKey;
import org.latentlab.core.config.IlqrVaePbtConfig;
import org.latentlab.core.config.LfadsConfig;

/** The Model and Population screens' ViewModel, without the FX toolkit. */
class ConfigViewModelTest {
    @TempDir
    Path dir;

    private final ConfigViewModel vm = new ConfigViewModel();

    @Test
    void everyKeyOfTheChosenModelHasAFieldOfTheRightKind() {
        assertEquals(Config.flatten(AutoLfadsConfig.defaults()).keySet(),
                vm.fields().stream().map(ConfigViewModel.Field::key).collect(java.util.stream.Collectors.toCollection(
                        java.util.LinkedHashSet::new)));
        assertEquals(ConfigKey.Kind.INTEGER, field("model.gen_dim").kind());
        assertEquals(ConfigKey.Kind.CHOICE, field("pbt.exploit").kind());
        assertEquals(ConfigKey.Kind.TYPE, field("model.reconstruction").kind());
        assertEquals(List.of("pbt.live_samples=5"), vm.overrides(),
                "only the workbench's own default differs: Inspect follows the best member during training");
        vm.kindProperty().set(ConfigViewModel.ModelKind.LFADS);
        assertEquals(Config.flatten(LfadsConfig.defaults()).size(), vm.fields().size(), "no pbt keys for LFADS");
        assertTrue(vm.section("pbt").isEmpty());
    }

    @Test
    void editsAreCheckedAsTypedAndEachModelKeepsItsOwn() {
        vm.set("model.gen_dim", "128");
        vm.set("train.lr_init", "-1");
        assertTrue(field("train.lr_init").errorProperty().get().startsWith("train.lr_init must be > 0"),
                field("train.lr_init").errorProperty().get());
        assertTrue(vm.hasErrors());
        assertEquals(List.of("model.gen_dim=128", "pbt.live_samples=5"), vm.overrides(),
                "a refused value never reaches the config");
        vm.set("train.lr_init", "0.002");
        assertFalse(vm.hasErrors());
        assertEquals(List.of("model.gen_dim=128", "train.lr_init=0.002", "pbt.live_samples=5"), vm.overrides());
        vm.kindProperty().set(ConfigViewModel.ModelKind.LFADS);
        assertEquals(List.of(), vm.overrides());
        vm.kindProperty().set(ConfigViewModel.ModelKind.AUTOLFADS);
        assertEquals("128", field("model.gen_dim").textProperty().get());
    }

    @Test
    void anIlqrVaePopulationEditsItsOwnSearchSpace() {
        vm.kindProperty().set(ConfigViewModel.ModelKind.ILQR_VAE_PBT);
        assertTrue(vm.kindProperty().get().population() && vm.kindProperty().get().ilqrVae());
        assertEquals(List.of("lr_init", "l2_scale", "prior_scale"), vm.section("pbt.search").stream()
                .map(f -> f.key().split("\\.")[2]).distinct().toList());
        assertEquals("ilqr-vae", field("pbt.search").textProperty().get());
        vm.set("pbt.search.prior_scale.max", "5");
        vm.set("model.latent_dim", "8");
        assertFalse(vm.hasErrors());
        IlqrVaePbtConfig c = ConfigIO.load(IlqrVaePbtConfig.class, null, vm.overrides());
        assertEquals(5, c.search().priorScale().max());
        assertEquals(8, c.ilqrVae().modelConfig().latentDim());
        assertEquals(5, c.pbt().liveSamples(), "a population's best member is followed live, as for AutoLFADS");
        assertTrue(vm.section("augment").isEmpty());
    }

    @Test
    void aNewReconstructionTypeBringsItsFields() {
        assertTrue(vm.fields().stream().noneMatch(f -> f.key().equals("model.reconstruction.scale_init")));
        vm.set("model.reconstruction", "zig");
        assertNull(field("model.reconstruction").errorProperty().get());
        assertEquals("20.0", field("model.reconstruction.scale_init").textProperty().get());
    }

    @Test
    void savesAndLoadsYaml() throws Exception {
        vm.set("pbt.population", "8");
        vm.set("pbt.search.kl_co_scale.max", "0.001");
        Path f = dir.resolve("mine.yaml");
        vm.save(f);
        assertEquals(8, ConfigIO.read(AutoLfadsConfig.class, f).pbt().population());
        ConfigViewModel other = new ConfigViewModel();
        other.load(f);
        assertEquals(vm.overrides(), other.overrides());
        Files.writeString(dir.resolve("bad.yaml"), "pbt:\n  populaton: 3\n");
        other.load(dir.resolve("bad.yaml"));
        assertTrue(other.statusProperty().get().contains("pbt.population"), other.statusProperty().get());
        assertEquals(vm.overrides(), other.overrides(), "a bad file changes nothing");
    }

    private ConfigViewModel.Field field(String key) {
        return vm.fields().stream().filter(f -> f.key().equals(key)).findFirst().orElseThrow();
    }
}
