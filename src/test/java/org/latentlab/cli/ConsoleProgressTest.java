package org.latentlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class ConsoleProgressTest {
    @Test
    void terminalBarRedrawsInPlaceAndClearsItself() {
        StringWriter s = new StringWriter();
        try (ConsoleProgress p = new ConsoleProgress(new PrintWriter(s), true, false)) {
            p.update(0, 4, "start");
            p.update(2, 4, "half");
            p.update(2, 4, "half again"); // same permille: no redraw
            p.update(4, 4, "done");
        }
        String out = s.toString();
        assertEquals(4, out.split("\r", -1).length - 1, out); // three draws and the final clear
        assertTrue(out.contains("[###############...............]  50% half"), out);
        assertTrue(out.contains("100% done"), out);
        assertTrue(!out.contains("\n"), "never starts a new line");
    }

    @Test
    void silentWithoutATerminalUnlessLinesAreAskedFor() {
        StringWriter quiet = new StringWriter();
        new ConsoleProgress(new PrintWriter(quiet), false, false).update(1, 2, "x");
        assertEquals("", quiet.toString());

        StringWriter log = new StringWriter();
        ConsoleProgress p = new ConsoleProgress(new PrintWriter(log), false, true);
        for (int i = 0; i <= 100; i++) {
            p.update(i, 100, "step");
        }
        assertEquals(5, log.toString().lines().count(), log.toString()); // 0, 25, 50, 75, 100 %
    }
}
