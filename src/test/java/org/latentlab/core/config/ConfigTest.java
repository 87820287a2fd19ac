package org.latentlab.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.latentlab.core.config.TestConfigs.Demo;

class ConfigTest {
    @Test
    void flattenListsEveryKeyInDeclarationOrder() {
        Map<String, String> flat = Config.flatten(LfadsConfig.defaults());
        List<String> keys = new ArrayList<>(flat.keySet());
        assertEquals(19 + 26 + 6, keys.size());
        assertEquals(List.of("model.ic_enc_dim", "model.ci_enc_dim", "model.ci_lag"), keys.subList(0, 3));
        assertEquals("poisson", flat.get("model.reconstruction"));
        assertEquals("true", flat.get("model.recon_reduce_mean"));
        assertEquals("1.0e-4", flat.get("model.ic_post_var_min"));
        assertEquals("train.batch_size", keys.get(19));
        assertEquals("augment.spike_jitter_width", keys.get(keys.size() - 1));

        LfadsConfig zig = Overrides.apply(LfadsConfig.defaults(), List.of("model.reconstruction=zig"));
        List<String> zk = new ArrayList<>(Config.flatten(zig).keySet());
        int i = zk.indexOf("model.reconstruction");
        assertEquals(List.of("model.reconstruction", "model.reconstruction.gamma_loc", "model.reconstruction.scale_init",
                "model.reconstruction.scale_prior", "model.reconstruction.scale_penalty", "model.recon_reduce_mean"),
                zk.subList(i, i + 6));

        assertEquals(List.of("inner.deep.x", "inner.lo", "inner.hi", "prior", "prior.var", "sizes", "rates", "mode",
                "name", "steps", "gain", "flag"), new ArrayList<>(Config.flatten(Demo.defaults()).keySet()));
        assertEquals("4,8", Config.flatten(Demo.defaults()).get("sizes"));
    }

    @Test
    void fromFlatIsTheInverseOfFlatten() {
        LfadsConfig c = Overrides.apply(LfadsConfig.defaults(), List.of("model.reconstruction=zig",
                "model.reconstruction.scale_penalty=3e-3", "train.kl_ic_scale=1.23456789e-7", "augment.sbtt=on"));
        assertEquals(c, Config.fromFlat(LfadsConfig.class, Config.flatten(c)));
        Demo d = Overrides.apply(Demo.defaults(), List.of("prior=student-t", "prior.dof=3", "sizes=", "gain=0.1"));
        assertEquals(d, Config.fromFlat(Demo.class, Config.flatten(d)));
    }

    @Test
    void differencesNameTheKeysThatDiffer() {
        LfadsConfig a = LfadsConfig.defaults();
        LfadsConfig b = Overrides.apply(a, List.of("train.lr_init=1e-3", "model.reconstruction=gamma"));
        assertEquals(List.of("model.reconstruction", "train.lr_init"), Config.differences(a, b));
        assertEquals(List.of(), Config.differences(a, LfadsConfig.defaults()));
        LfadsConfig z = Overrides.apply(a, List.of("model.reconstruction=zig"));
        assertTrue(Config.differences(a, z).contains("model.reconstruction.scale_init"));
    }

    @Test
    void describeGivesFormsTheKindAndChoices() {
        Map<String, ConfigKey> byKey = new java.util.HashMap<>();
        Config.describe(LfadsConfig.defaults()).forEach(k -> byKey.put(k.key(), k));
        assertEquals(ConfigKey.Kind.INTEGER, byKey.get("model.gen_dim").kind());
        assertEquals(ConfigKey.Kind.NUMBER, byKey.get("train.lr_init").kind());
        assertEquals(ConfigKey.Kind.BOOLEAN, byKey.get("train.lr_scheduler").kind());
        assertEquals(List.of("auto", "on", "off"), byKey.get("augment.sbtt").choices());
        assertEquals(ConfigKey.Kind.TYPE, byKey.get("model.reconstruction").kind());
        assertEquals(List.of("poisson", "gaussian", "gamma", "zig"), byKey.get("model.reconstruction").choices());
        Map<String, ConfigKey> demo = new java.util.HashMap<>();
        Config.describe(Demo.defaults()).forEach(k -> demo.put(k.key(), k));
        assertEquals(ConfigKey.Kind.LIST, demo.get("sizes").kind());
        assertEquals(ConfigKey.Kind.TEXT, demo.get("name").kind());
    }

    @Test
    void namesAndNumbersAreWrittenPredictably() {
        assertEquals("ic_enc_dim", Names.snake("icEncDim"));
        assertEquals("l2_gen_scale", Names.snake("l2GenScale"));
        assertEquals("use_sbtt_mask", Names.snake("useSBTTMask"));
        assertEquals("1.0e-4", Names.formatDouble(1e-4));
        assertEquals("1.0e+7", Names.formatDouble(1e7));
        assertEquals("0.05", Names.formatDouble(0.05));
        assertEquals("auto", Names.enumText(SbttMode.AUTO));
    }
}
