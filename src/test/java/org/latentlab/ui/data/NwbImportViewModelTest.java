package org.latentlab.ui.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.latentlab.core.data.nwb.HeldOut;
import org.latentlab.core.data.nwb.NwbImportOptions;
import org.latentlab.core.data.nwb.NwbSummary;
import org.latentlab.ui.data.NwbImportViewModel.Field;

/** The NWB import form: defaults, per-field messages from core's validation, and the options it builds. */
class NwbImportViewModelTest {
    static NwbSummary summary(List<String> columns, Map<String, Integer> split) {
        return new NwbSummary("x.nwb", "nwb", 137, 0, 1000, 0, 10, 574, 700, columns, split, Map.of());
    }

    private final NwbImportViewModel vm = new NwbImportViewModel(Path.of("x.nwb"),
            summary(List.of("start_time", "stop_time", "move_onset_time"), Map.of("val", 100)));

    @Test
    void defaultsFollowTheNlbLayoutWhenTheFileHasMovementOnset() {
        NwbImportOptions o = vm.optionsProperty().get();
        assertNotNull(o);
        assertEquals(NwbImportOptions.of("move_onset_time", -250, 450, 5), o);
        assertTrue(vm.validProperty().get());
        assertEquals("140 bins of 5 ms per trial", vm.binsHint().get());
        assertTrue(vm.splitColumnAvailable());
    }

    @Test
    void otherFilesDefaultToWholeTrialsFromTheirStart() {
        NwbImportViewModel other = new NwbImportViewModel(Path.of("y.nwb"),
                summary(List.of("start_time", "stop_time", "go_time"), Map.of()));
        assertEquals(NwbImportOptions.of("start_time", 0, 700, 10), other.optionsProperty().get());
        assertFalse(other.splitColumnAvailable());
    }

    @Test
    void aFieldThatIsNotANumberSaysSoBesideItself() {
        vm.text(Field.BIN).set("abc");
        assertEquals("'abc' is not a number", vm.message(Field.BIN).get());
        assertNull(vm.optionsProperty().get());
        assertFalse(vm.validProperty().get());
        vm.text(Field.BIN).set("10");
        assertEquals("", vm.message(Field.BIN).get());
        assertTrue(vm.validProperty().get());
    }

    @Test
    void coresValidationMessagesGoBesideTheFieldTheyName() {
        vm.text(Field.BIN).set("0");
        assertEquals("binMs must be a positive number of milliseconds, got 0", vm.message(Field.BIN).get());
        vm.text(Field.BIN).set("20");
        vm.text(Field.END).set("455");
        assertEquals("window -250:455 ms is not a whole number of 20 ms bins (35.25)", vm.message(Field.END).get());
        vm.text(Field.END).set("450");
        vm.text(Field.VALID).set("0.9");
        vm.text(Field.TEST).set("0.2");
        assertTrue(vm.message(Field.TEST).get().startsWith("validFraction + testFraction must be below 1"));
        vm.text(Field.TEST).set("0");
        vm.text(Field.HELD_OUT).set("lots");
        assertTrue(vm.message(Field.HELD_OUT).get().contains("'lots' is not a count"), vm.message(Field.HELD_OUT).get());
        vm.text(Field.HELD_OUT).set("1011,2045");
        vm.text(Field.SEED).set("1.5");
        assertEquals("'1.5' is not a whole number", vm.message(Field.SEED).get());
        vm.text(Field.SEED).set("7");
        NwbImportOptions o = vm.optionsProperty().get();
        assertEquals(new HeldOut.UnitIds(List.of(1011L, 2045L)), o.heldOut());
        assertEquals(7, o.seed());
        assertEquals(0.9, o.validFraction());
    }

    @Test
    void theSplitColumnCanReplaceTheRandomSplit() {
        vm.useSplitColumnProperty().set(true);
        assertTrue(vm.optionsProperty().get().useSplitColumn());
    }
}
