package org.latentlab.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.latentlab.core.data.DataException;

class LfadsConfigTest {
    /** The default config shipped in resources/: a golden file that must keep loading. */
    private static final Path GOLDEN = Path.of("resources/configs/lfads-default.yaml");

    @Test
    void goldenDefaultFileIsWhatTheWriterProducesAndLoadsBackToTheDefaults() throws Exception {
        assertEquals(ConfigIO.toYaml(LfadsConfig.defaults()), Files.readString(GOLDEN),
                "regenerate with ConfigIO.write(LfadsConfig.defaults(), " + GOLDEN + ") if the change is intended");
        assertEquals(LfadsConfig.defaults(), ConfigIO.read(LfadsConfig.class, GOLDEN));
        try (InputStream in = LfadsConfigTest.class.getResourceAsStream("/configs/lfads-default.yaml")) {
            assertEquals(Files.readString(GOLDEN), new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void defaultsFollowTheReferenceWhereItHasValues() {
        LfadsConfig d = LfadsConfig.defaults();
        assertTrue(d.model().hasController());
        assertEquals(5.0, d.model().cellClip());
        assertEquals(1e4, d.train().lossScale());
        assertEquals(80, d.train().burnInEpochs());
        assertEquals(new Reconstruction.Poisson(), d.model().reconstruction());
        assertFalse(Overrides.apply(d, List.of("model.co_dim=0")).model().hasController());
        assertEquals(100, Overrides.apply(d, List.of("train.kl_start_epoch=20")).train().burnInEpochs());
    }

    @Test
    void readoutWidthPerObservationModel() {
        assertEquals(1, new Reconstruction.Poisson().paramsPerChannel());
        assertEquals(2, new Reconstruction.Gaussian().paramsPerChannel());
        assertEquals(2, new Reconstruction.Gamma().paramsPerChannel());
        assertEquals(3, Reconstruction.ZeroInflatedGamma.defaults().paramsPerChannel());
    }

    /** Every numeric field has a check whose message names the field by its snake_case key. */
    @Test
    void everyNumericFieldIsValidatedWithItsKeyAndValue() {
        Map<String, String> bad = Map.ofEntries(
                Map.entry("model.ic_enc_dim", "0"), Map.entry("model.ci_enc_dim", "-1"), Map.entry("model.ci_lag", "-1"),
                Map.entry("model.con_dim", "-1"), Map.entry("model.co_dim", "-1"), Map.entry("model.ic_dim", "0"),
                Map.entry("model.gen_dim", "0"), Map.entry("model.fac_dim", "0"), Map.entry("model.ic_enc_seq_len", "-1"),
                Map.entry("model.dropout_rate", "1"), Map.entry("model.cell_clip", "0"),
                Map.entry("model.ic_post_var_min", "-1"), Map.entry("model.ic_prior_var", "0"),
                Map.entry("model.co_prior_tau", "0"), Map.entry("model.co_prior_nvar", "0"), Map.entry("model.readin_dim", "-1"),
                Map.entry("train.batch_size", "0"), Map.entry("train.max_epochs", "0"),
                Map.entry("train.max_minutes", "-1"), Map.entry("train.lr_init", "0"), Map.entry("train.lr_stop", "-1"),
                Map.entry("train.lr_decay", "1.5"), Map.entry("train.lr_patience", "-1"),
                Map.entry("train.adam_epsilon", "0"), Map.entry("train.weight_decay", "-1"),
                Map.entry("train.max_grad_norm", "0"), Map.entry("train.loss_scale", "0"),
                Map.entry("train.l2_start_epoch", "-1"), Map.entry("train.l2_increase_epoch", "-1"),
                Map.entry("train.kl_start_epoch", "-1"), Map.entry("train.kl_increase_epoch", "-1"),
                Map.entry("train.l2_gen_scale", "-1"), Map.entry("train.l2_con_scale", "-1"),
                Map.entry("train.l2_ic_enc_scale", "-1"), Map.entry("train.l2_ci_enc_scale", "-1"),
                Map.entry("train.kl_ic_scale", "-1"), Map.entry("train.kl_co_scale", "-1"),
                Map.entry("train.patience", "0"), Map.entry("train.smoothing", "1"), Map.entry("train.valid_every", "0"),
                Map.entry("train.threads", "-1"), Map.entry("augment.cd_rate", "-0.1"),
                Map.entry("augment.cd_pass_rate", "2"), Map.entry("augment.temporal_shift_std", "-1"),
                Map.entry("augment.temporal_shift_max", "-1"), Map.entry("augment.spike_jitter_width", "-1"));
        for (Map.Entry<String, String> e : bad.entrySet()) {
            String m = assertThrows(DataException.class, () -> Overrides.apply(LfadsConfig.defaults(),
                    List.of(e.getKey() + "=" + e.getValue())), e.getKey()).getMessage();
            assertTrue(m.startsWith(e.getKey() + " must be "), m);
            assertTrue(m.contains("got " + e.getValue()), m);
        }
        long numeric = Config.describe(LfadsConfig.defaults()).stream()
                .filter(k -> k.kind() == ConfigKey.Kind.INTEGER || k.kind() == ConfigKey.Kind.NUMBER).count();
        assertEquals(numeric, bad.size());
    }
}
