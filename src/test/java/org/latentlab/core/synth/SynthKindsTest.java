package org.latentlab.core.synth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.latentlab.core.data.DataException;
import org.latentlab.core.data.Session;
import org.latentlab.core.data.Split;

class SynthKindsTest {

    @Test
    void everyKindResolvesToAGeneratorOfThatKind() {
        assertEquals(List.of("lorenz", "chaotic-rnn", "chaotic-rnn-inputs", "two-area", "two-area-nofeedback",
                "two-area-negfeedback"), SynthKinds.names());
        for (String kind : SynthKinds.names()) {
            assertEquals(kind, SynthKinds.get(kind).kind());
        }
        assertInstanceOf(LorenzGenerator.class, SynthKinds.get("lorenz"));
    }

    @Test
    void unknownKindNamesTheValidOnes() {
        DataException e = assertThrows(DataException.class, () -> SynthKinds.get("lorentz"));
        assertTrue(e.getMessage().contains("'lorentz'") && e.getMessage().contains("lorenz, chaotic-rnn"), e.getMessage());
    }

    @Test
    void optionsChangeParametersAndRoundTrip() {
        for (String kind : SynthKinds.names()) {
            SyntheticGenerator g = SynthKinds.get(kind);
            assertEquals(g, g.withOptions(g.options()), kind + " options round-trip");
        }
        LorenzGenerator l = (LorenzGenerator) SynthKinds.get("lorenz", Map.of("time", "250", "trials", "60",
                "conditions", "6", "bin-ms", "5"));
        assertEquals(250, l.time());
        assertEquals(60, l.trials());
        assertEquals(6, l.conditions());
        assertEquals(5.0, l.binMs());
        assertEquals("chaotic-rnn-inputs", SynthKinds.get("chaotic-rnn").withOption("inputs", "2").kind());
        assertEquals("two-area-nofeedback", SynthKinds.get("two-area").withOption("feedback", "false").kind());
        assertEquals("two-area", SynthKinds.get("two-area-nofeedback").withOption("feedback", "true").kind());
        assertEquals("two-area-negfeedback", SynthKinds.get("two-area").withOption("FEEDBACK", "negative").kind());
        TwoAreaGenerator t = (TwoAreaGenerator) SynthKinds.get("two-area").withOption("frequencies", "10, 20,30");
        assertEquals(List.of(10.0, 20.0, 30.0), t.frequencies());
    }

    @Test
    void unknownOptionNamesItAndTheValidOnes() {
        DataException e = assertThrows(DataException.class, () -> SynthKinds.get("two-area").withOption("time", "500"));
        String m = e.getMessage();
        assertTrue(m.contains("'time'") && m.contains("two-area") && m.contains("stimulus-ms") && m.contains("trials"), m);
        assertFalse(m.contains("\n"));
    }

    @Test
    void badValuesNameTheOptionAndTheValue() {
        String m = assertThrows(DataException.class, () -> SynthKinds.get("lorenz").withOption("time", "abc")).getMessage();
        assertEquals("option 'time' of lorenz must be an integer, got 'abc'", m);
        m = assertThrows(DataException.class, () -> SynthKinds.get("lorenz").withOption("time", "0")).getMessage();
        assertEquals("lorenz option 'time' must be at least 2, got 0", m);
        m = assertThrows(DataException.class, () -> SynthKinds.get("lorenz").withOption("dt", "NaN")).getMessage();
        assertTrue(m.contains("'dt'") && m.contains("NaN"), m);
        m = assertThrows(DataException.class, () -> SynthKinds.get("chaotic-rnn").withOption("neurons", "101")).getMessage();
        assertTrue(m.contains("'neurons'") && m.contains("101") && m.contains("units"), m);
        m = assertThrows(DataException.class, () -> SynthKinds.get("two-area").withOption("feedback", "maybe")).getMessage();
        assertTrue(m.contains("'feedback'") && m.contains("maybe"), m);
        m = assertThrows(DataException.class, () -> SynthKinds.get("two-area").withOption("bin-ms", "7")).getMessage();
        assertTrue(m.contains("'bin-ms'") && m.contains("1000"), m);
        m = assertThrows(DataException.class, () -> SynthKinds.get("lorenz").withOption("valid-fraction", "1.5")).getMessage();
        assertTrue(m.contains("'valid-fraction'") && m.contains("1.5"), m);
        m = assertThrows(DataException.class, () -> SynthKinds.get("two-area").withOption("latents", "ppc")).getMessage();
        assertTrue(m.contains("'latents'") && m.contains("ppc"), m);
    }

    @Test
    void compactConstructorsValidate() {
        DataException e = assertThrows(DataException.class, () -> new LorenzGenerator(10, 20, 100, 30, 10, 0.006, 6,
                500, 10, 28, 8.0 / 3, 5, 15, 50, 100, 0.2, 0, 0));
        assertEquals("lorenz option 'trials' must be at least 20, got 10", e.getMessage());
        e = assertThrows(DataException.class, () -> new LorenzGenerator(400, 20, 100, 30, 10, 0.006, 6,
                500, 10, 28, 8.0 / 3, 5, 15, 12, 100, 0.2, 0, 0));
        assertTrue(e.getMessage().contains("'peak-min'"), e.getMessage());
    }

    @Test
    void attributesRecordKindSeedAndEveryOption() throws Exception {
        SyntheticGenerator g = SynthKinds.get("two-area-nofeedback", Map.of("trials", "16"));
        Session s = g.generate(42, "tiny");
        Map<String, String> attrs = s.attributes();
        assertEquals("two-area-nofeedback", attrs.get("synth.kind"));
        assertEquals("42", attrs.get("synth.seed"));
        JsonNode params = new ObjectMapper().readTree(attrs.get("synth.params"));
        Map<String, String> back = new LinkedHashMap<>();
        params.fields().forEachRemaining(f -> back.put(f.getKey(), f.getValue().asText()));
        assertEquals(g.options().keySet(), back.keySet());
        assertEquals(16, params.get("trials").asInt());
        assertEquals("none", params.get("feedback").asText());
        assertEquals(g, g.withOptions(back), "the recorded options rebuild the generator");
        assertTrue(s.has(Split.TRAIN) && s.has(Split.VALID));
    }

    @Test
    void testSplitOnRequest() {
        Session s = SynthKinds.get("lorenz", Map.of("test-fraction", "0.1")).generate(1, "t");
        assertEquals(40, s.split(Split.TEST).trials());
        assertEquals(80, s.split(Split.VALID).trials());
        assertEquals(280, s.split(Split.TRAIN).trials());
    }

    @Test
    void inputsVariantIsDeterministicDespiteParallelSimulation() {
        SyntheticGenerator g = SynthKinds.get("chaotic-rnn-inputs", Map.of("trials", "40", "units", "60", "neurons", "20"));
        Session a = g.generate(11, "p");
        Session b = g.generate(11, "p");
        assertEquals(a.splits(), b.splits());
        assertEquals(a.attributes(), b.attributes());
    }
}
