package org.latentlab.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.latentlab.core.config.TestConfigs.Demo;
import org.latentlab.core.config.TestConfigs.Flat;
import org.latentlab.core.config.TestConfigs.Mode;
import org.latentlab.core.config.TestConfigs.StudentT;
import org.latentlab.core.data.DataException;

class OverridesTest {
    private static LfadsConfig set(String... a) {
        return Overrides.apply(LfadsConfig.defaults(), List.of(a));
    }

    private static String error(String... a) {
        return assertThrows(DataException.class, () -> set(a)).getMessage();
    }

    private static String demoError(String... a) {
        return assertThrows(DataException.class, () -> Overrides.apply(Demo.defaults(), List.of(a))).getMessage();
    }

    @Test
    void setsKeysAtEveryLevel() {
        LfadsConfig c = set("model.gen_dim=128", "train.lr_init=1e-3", "augment.cd_rate=0.3",
                "train.max_epochs=1e3", "model.recon_reduce_mean=false", "train.lr_scheduler=yes");
        assertEquals(128, c.model().genDim());
        assertEquals(1e-3, c.train().lrInit());
        assertEquals(1000, c.train().maxEpochs());
        assertEquals(false, c.model().reconReduceMean());
        assertEquals(true, c.train().lrScheduler());
        Demo d = Overrides.apply(Demo.defaults(), List.of("inner.deep.x=2.5", "inner.lo=2", "steps=12345678901",
                "gain=0.5", "flag=true", "name= two words "));
        assertEquals(2.5, d.inner().deep().x());
        assertEquals(2, d.inner().lo());
        assertEquals(12345678901L, d.steps());
        assertEquals(0.5f, d.gain());
        assertEquals(" two words ", d.name());
        assertEquals(Demo.defaults(), Overrides.apply(Demo.defaults(), List.of()));
    }

    @Test
    void switchingTheSealedTypeResetsToItsDefaultsAndOnlyItsFieldsAreSettable() {
        assertEquals(new Reconstruction.Gamma(), set("model.reconstruction=gamma").model().reconstruction());
        String m = error("model.reconstruction=gamma", "model.reconstruction.scale_init=30");
        assertTrue(m.startsWith("unknown key 'model.reconstruction.scale_init' in --set; scale_init belongs to "
                + "type 'zig' of model.reconstruction, which is 'gamma' (valid: model.reconstruction)"), m);
        LfadsConfig zig = set("model.reconstruction=ZIG", "model.reconstruction.scale_init=30",
                "model.reconstruction.gamma_loc=0");
        assertEquals(new Reconstruction.ZeroInflatedGamma(0, 30, 20, 1e-4), zig.model().reconstruction());
        // Naming the current type again keeps its values; naming another type resets them.
        assertEquals(zig, Overrides.apply(zig, List.of("model.reconstruction=zig")));
        LfadsConfig back = Overrides.apply(zig, List.of("model.reconstruction=poisson", "model.reconstruction.type=zig"));
        assertEquals(Reconstruction.ZeroInflatedGamma.defaults(), back.model().reconstruction());
        assertEquals("model.reconstruction must be one of poisson, gaussian, gamma, zig, got 'zipp'",
                error("model.reconstruction=zipp"));
        assertEquals(new StudentT(5, 2), Overrides.apply(Demo.defaults(),
                List.of("prior=student_t", "prior.scale=2")).prior());
        assertEquals(new Flat(), Overrides.apply(Demo.defaults(), List.of("prior=Flat")).prior());
        assertTrue(demoError("prior=flat", "prior.var=1").contains("(valid: "), "lists keys");
    }

    @Test
    void badValuesNameTheKeyAndTheValue() {
        assertEquals("model.gen_dim must be an integer, got 'abc'", error("model.gen_dim=abc"));
        assertEquals("model.gen_dim must be an integer, got '99999999999'", error("model.gen_dim=99999999999"));
        assertEquals("train.lr_init must be a finite number, got 'fast'", error("train.lr_init=fast"));
        assertEquals("train.lr_init must be a finite number, got 'NaN'", error("train.lr_init=NaN"));
        assertEquals("train.lr_scheduler must be true or false, got 'maybe'", error("train.lr_scheduler=maybe"));
        assertEquals("augment.sbtt must be one of auto, on, off, got 'sometimes'", error("augment.sbtt=sometimes"));
        assertEquals("--set expects key=value, got 'model.gen_dim'", error("model.gen_dim"));
        assertEquals("--set expects key=value, got '=3'", error("=3"));
    }

    @Test
    void enumsParseInAnyCaseKebabOrSnake() {
        assertEquals(SbttMode.OFF, set("augment.sbtt=Off").augment().sbtt());
        assertEquals(SbttMode.AUTO, set("augment.sbtt=AUTO").augment().sbtt());
        assertEquals(SbttMode.ON, set("augment.sbtt=on").augment().sbtt());
        assertEquals(Mode.FAST_PATH, Overrides.apply(Demo.defaults(), List.of("mode=fast_path")).mode());
    }

    @Test
    void listsAreCommaSeparated() {
        Demo d = Overrides.apply(Demo.defaults(), List.of("sizes=1,2, 3", "rates=[0.5,1e-3]"));
        assertEquals(List.of(1, 2, 3), d.sizes());
        assertEquals(List.of(0.5, 1e-3), d.rates());
        assertEquals(List.of(), Overrides.apply(Demo.defaults(), List.of("sizes=")).sizes());
        assertEquals("sizes must be a comma-separated list of integers, got '2.5'", demoError("sizes=1,2.5"));
    }

    @Test
    void misspeltKeysListTheValidKeys() {
        // Few keys in all: every key, sorted.
        String m = demoError("inner.deep.y=1");
        assertTrue(m.startsWith("unknown key 'inner.deep.y' in --set; did you mean 'inner.deep.x'? (valid: flag, gain, inner.deep.x, inner.hi, "
                + "inner.lo, mode, name, prior, prior.var, rates, sizes, steps)"), m);
        assertTrue(demoError("inner.hj=1").contains("did you mean 'inner.hi'?"));
        assertTrue(demoError("zzz=1").startsWith("unknown key 'zzz' in --set (valid: "), "no far-fetched guess");
        // LfadsConfig has more than 40 keys: those of the deepest level that matched.
        m = error("model.gen_dm=128");
        assertTrue(m.startsWith("unknown key 'model.gen_dm' in --set; did you mean 'model.gen_dim'? (valid: "
                + "model.cell_clip, model.ci_enc_dim, "), m);
        assertTrue(!m.contains("train.") && m.endsWith("model.readin_dim, model.recon_reduce_mean, model.reconstruction, model.train_readin)"), m);
        m = error("trian.lr_init=1");
        assertTrue(m.startsWith("unknown key 'trian.lr_init' in --set; did you mean 'train'? (valid: augment, model, "
                + "train)"), m);
        assertEquals("unknown key 'model.reconstruction.foo' in --set (valid: model.reconstruction)",
                error("model.reconstruction.foo=1"));
        assertTrue(error("genDim=1").startsWith("unknown key 'genDim' in --set"));
        assertEquals("unknown key 'model.gen_dim.x' in --set: model.gen_dim is a value, not a group of keys",
                error("model.gen_dim.x=1"));
        assertEquals("model is a group of keys, not a value; set one of them, e.g. model.ic_enc_dim=...",
                error("model=big"));
    }

    @Test
    void validationMessagesCarryTheDottedPath() {
        assertEquals("model.gen_dim must be > 0, got 0", error("model.gen_dim=0"));
        assertEquals("augment.cd_rate must be in [0.0, 1.0), got 1.5", error("augment.cd_rate=1.5"));
        assertEquals("model.reconstruction.scale_init must be > 0, got -1.0",
                error("model.reconstruction=zig", "model.reconstruction.scale_init=-1"));
        assertEquals("inner.deep.x must be >= 0, got -1.0", demoError("inner.deep.x=-1"));
        assertEquals("inner.lo (9) must not exceed hi (5)", demoError("inner.lo=9"));
        assertEquals(9, Overrides.apply(Demo.defaults(), List.of("inner.lo=9", "inner.hi=10")).inner().lo());
    }
}
