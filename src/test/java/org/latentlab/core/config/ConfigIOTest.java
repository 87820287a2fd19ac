package org.latentlab.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentlab.core.config.TestConfigs.Demo;
import org.latentlab.core.config.TestConfigs.StudentT;
import org.latentlab.core.data.DataException;

class ConfigIOTest {
    @TempDir
    Path dir;

    private static LfadsConfig changed() {
        return Overrides.apply(LfadsConfig.defaults(), List.of("model.gen_dim=128", "train.lr_init=1e-3",
                "augment.cd_rate=0.25", "augment.sbtt=off", "model.reconstruction=zig",
                "model.reconstruction.scale_init=30", "model.recon_reduce_mean=false", "train.lr_scheduler=true"));
    }

    @Test
    void yamlAndJsonRoundTrip() {
        for (String name : List.of("c.yaml", "c.yml", "c.json")) {
            Path f = dir.resolve(name);
            ConfigIO.write(changed(), f);
            assertEquals(changed(), ConfigIO.read(LfadsConfig.class, f), name);
        }
        Path f = dir.resolve("d.yaml");
        ConfigIO.write(Overrides.apply(Demo.defaults(), List.of("prior=student-t", "sizes=", "name=on")), f);
        assertEquals(Overrides.apply(Demo.defaults(), List.of("prior=student-t", "sizes=", "name=on")),
                ConfigIO.read(Demo.class, f));
    }

    @Test
    void writtenYamlFollowsComponentOrderWithTheTypeFirst() throws Exception {
        Path f = dir.resolve("c.yaml");
        ConfigIO.write(changed(), f);
        String text = Files.readString(f);
        assertTrue(text.startsWith("model:\n  ic_enc_dim: 64\n"), text);
        assertTrue(text.contains("  reconstruction:\n    type: zig\n    gamma_loc: 0.1\n    scale_init: 30.0\n"), text);
        assertTrue(text.indexOf("\ntrain:") < text.indexOf("\naugment:"));
        assertTrue(text.contains("lr_init: 0.001\n") && text.contains("ic_post_var_min: 1.0e-4\n"), text);
    }

    @Test
    void aPartialFileOverlaysTheDefaults() throws Exception {
        Path f = dir.resolve("p.yaml");
        Files.writeString(f, "model:\n  gen_dim: 32\n  reconstruction: {type: zig, scale_prior: 9}\n"
                + "train:\n  kl_co_scale: 1e-6\naugment:\n");
        LfadsConfig c = ConfigIO.read(LfadsConfig.class, f);
        LfadsConfig d = LfadsConfig.defaults();
        assertEquals(32, c.model().genDim());
        assertEquals(d.model().facDim(), c.model().facDim());
        assertEquals(new Reconstruction.ZeroInflatedGamma(0.1, 20, 9, 1e-4), c.model().reconstruction());
        assertEquals(1e-6, c.train().klCoScale());
        assertEquals(d.train().lrInit(), c.train().lrInit());
        assertEquals(d.augment(), c.augment());
        Path empty = dir.resolve("e.json");
        Files.writeString(empty, "{}");
        assertEquals(d, ConfigIO.read(LfadsConfig.class, empty));
        Files.writeString(f, "# nothing yet\n");
        assertEquals(d, ConfigIO.read(LfadsConfig.class, f));
    }

    @Test
    void unknownKeyNamesTheFileThePathAndTheValidKeysAtThatLevel() throws Exception {
        Path f = dir.resolve("cfg.yaml");
        Files.writeString(f, "model:\n  gen_dm: 3\n");
        DataException e = assertThrows(DataException.class, () -> ConfigIO.read(LfadsConfig.class, f));
        String m = e.getMessage();
        assertTrue(m.startsWith(f + ": unknown key 'model.gen_dm'; did you mean 'model.gen_dim'? (valid: "
                + "model.ic_enc_dim, model.ci_enc_dim, "), m);
        assertTrue(m.contains("model.recon_reduce_mean, model.readin_dim, model.train_readin)") && !m.contains("train."), m);
        assertFalse(m.contains("\n"));

        Files.writeString(f, "modle:\n  gen_dim: 3\n");
        m = assertThrows(DataException.class, () -> ConfigIO.read(LfadsConfig.class, f)).getMessage();
        assertTrue(m.endsWith("unknown key 'modle'; did you mean 'model'? (valid: model, train, augment)"), m);
    }

    @Test
    void sealedComponentsInFiles() throws Exception {
        Path f = dir.resolve("s.yaml");
        Files.writeString(f, "model:\n  reconstruction: gamma\n");
        assertEquals(new Reconstruction.Gamma(), ConfigIO.read(LfadsConfig.class, f).model().reconstruction());
        Files.writeString(f, "model:\n  reconstruction:\n    type: gamma\n    scale_init: 3\n");
        String m = assertThrows(DataException.class, () -> ConfigIO.read(LfadsConfig.class, f)).getMessage();
        assertTrue(m.contains("unknown key 'model.reconstruction.scale_init'; scale_init belongs to type 'zig' of "
                + "model.reconstruction, which is 'gamma' (valid: model.reconstruction.type)"), m);
        Files.writeString(f, "model:\n  reconstruction: {type: zip}\n");
        m = assertThrows(DataException.class, () -> ConfigIO.read(LfadsConfig.class, f)).getMessage();
        assertTrue(m.endsWith("model.reconstruction.type must be one of poisson, gaussian, gamma, zig, got 'zip'"), m);
        Path g = dir.resolve("t.json");
        Files.writeString(g, "{\"prior\": {\"dof\": 3, \"type\": \"student-t\"}}");
        assertEquals(new StudentT(3, 1), ConfigIO.read(Demo.class, g).prior());
    }

    @Test
    void typeErrorsNameTheKeyAndTheValue() throws Exception {
        Path f = dir.resolve("bad.yaml");
        Files.writeString(f, "model:\n  gen_dim: abc\n");
        assertEquals(f + ": model.gen_dim must be an integer, got 'abc'",
                assertThrows(DataException.class, () -> ConfigIO.read(LfadsConfig.class, f)).getMessage());
        Files.writeString(f, "model:\n  gen_dim: 1.5\n");
        assertEquals(f + ": model.gen_dim must be an integer, got '1.5'",
                assertThrows(DataException.class, () -> ConfigIO.read(LfadsConfig.class, f)).getMessage());
        Files.writeString(f, "model: 3\n");
        assertEquals(f + ": model must be a mapping of keys, got '3'",
                assertThrows(DataException.class, () -> ConfigIO.read(LfadsConfig.class, f)).getMessage());
        Files.writeString(f, "train:\n  lr_init:\n");
        assertEquals(f + ": train.lr_init must be a finite number, got nothing",
                assertThrows(DataException.class, () -> ConfigIO.read(LfadsConfig.class, f)).getMessage());
        Files.writeString(f, "model:\n  gen_dim: [1, 2]\n");
        assertEquals(f + ": model.gen_dim must be an integer, got a list",
                assertThrows(DataException.class, () -> ConfigIO.read(LfadsConfig.class, f)).getMessage());
    }

    @Test
    void validationFailuresNameTheFileAndTheDottedKey() throws Exception {
        Path f = dir.resolve("v.yaml");
        Files.writeString(f, "augment:\n  cd_rate: 1.0\n");
        assertEquals(f + ": augment.cd_rate must be in [0.0, 1.0), got 1.0",
                assertThrows(DataException.class, () -> ConfigIO.read(LfadsConfig.class, f)).getMessage());
        Files.writeString(f, "model:\n  reconstruction: {type: zig, scale_init: -2}\n");
        assertEquals(f + ": model.reconstruction.scale_init must be > 0, got -2.0",
                assertThrows(DataException.class, () -> ConfigIO.read(LfadsConfig.class, f)).getMessage());
    }

    @Test
    void yamlBooleansForOnOffEnumsAndListsInFiles() throws Exception {
        Path f = dir.resolve("b.yaml");
        Files.writeString(f, "augment:\n  sbtt: on\n");
        assertEquals(SbttMode.ON, ConfigIO.read(LfadsConfig.class, f).augment().sbtt());
        Files.writeString(f, "augment:\n  sbtt: Off\n");
        assertEquals(SbttMode.OFF, ConfigIO.read(LfadsConfig.class, f).augment().sbtt());
        Files.writeString(f, "sizes: [1, 2, 3]\nrates: 0.1, 0.2\nmode: fast-path\n");
        Demo d = ConfigIO.read(Demo.class, f);
        assertEquals(List.of(1, 2, 3), d.sizes());
        assertEquals(List.of(0.1, 0.2), d.rates());
        assertEquals(TestConfigs.Mode.FAST_PATH, d.mode());
        Files.writeString(f, "sizes: [1, x]\n");
        assertEquals(f + ": sizes must be a comma-separated list of integers, got 'x'",
                assertThrows(DataException.class, () -> ConfigIO.read(Demo.class, f)).getMessage());
    }

    @Test
    void malformedMissingAndMisnamedFiles() throws Exception {
        Path f = dir.resolve("m.yaml");
        Files.writeString(f, "model: [1\ntrain: 2\n");
        String m = assertThrows(DataException.class, () -> ConfigIO.read(LfadsConfig.class, f)).getMessage();
        assertTrue(m.startsWith(f + ": not valid YAML: ") && m.contains("line ") && !m.contains("\n"), m);
        Files.writeString(f, "train:\n  lr_init: 1\n  lr_init: 2\n");
        m = assertThrows(DataException.class, () -> ConfigIO.read(LfadsConfig.class, f)).getMessage();
        assertTrue(m.contains("Duplicate field 'lr_init'"), m);
        Files.writeString(f, "- 1\n- 2\n");
        assertEquals(f + ": the top level must be a mapping of keys, got a list",
                assertThrows(DataException.class, () -> ConfigIO.read(LfadsConfig.class, f)).getMessage());
        Path missing = dir.resolve("none.yaml");
        assertEquals(missing + ": no such file",
                assertThrows(DataException.class, () -> ConfigIO.read(LfadsConfig.class, missing)).getMessage());
        Path txt = dir.resolve("c.txt");
        Files.writeString(txt, "x");
        assertEquals(txt + ": unknown config format (use .yaml, .yml or .json)",
                assertThrows(DataException.class, () -> ConfigIO.read(LfadsConfig.class, txt)).getMessage());
    }

    @Test
    void loadAppliesTheFileThenTheOverridesAndValidatesOnce() throws Exception {
        Path f = dir.resolve("l.yaml");
        Files.writeString(f, "model:\n  reconstruction: zig\n  gen_dim: 32\n");
        LfadsConfig c = ConfigIO.load(LfadsConfig.class, f,
                List.of("model.gen_dim=48", "model.reconstruction.scale_prior=7"));
        assertEquals(48, c.model().genDim());
        assertEquals(7.0, ((Reconstruction.ZeroInflatedGamma) c.model().reconstruction()).scalePrior());
        assertEquals(LfadsConfig.defaults(), ConfigIO.load(LfadsConfig.class, null, List.of()));
        // Each step alone would break lo <= hi; together they are fine.
        Files.writeString(f, "inner: {lo: 8}\n");
        assertEquals(8, ConfigIO.load(Demo.class, f, List.of("inner.hi=9")).inner().lo());
        DataException e = assertThrows(DataException.class, () -> ConfigIO.load(Demo.class, f, List.of()));
        assertEquals(f + ": inner.lo (8) must not exceed hi (5)", e.getMessage());
    }

    @Test
    void parseFromText() {
        assertEquals(16, ConfigIO.parse(LfadsConfig.class, "{\"model\": {\"fac_dim\": 16}}", ConfigIO.Format.JSON,
                "form").model().facDim());
        assertEquals("form: unknown key 'x' (valid: model, train, augment)", assertThrows(DataException.class,
                () -> ConfigIO.parse(LfadsConfig.class, "x: 1", ConfigIO.Format.YAML, "form")).getMessage());
    }
}
