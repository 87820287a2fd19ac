package org.latentlab.ui;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import org.latentlab.core.data.Session;

/** Small pieces every screen's side panel is built from, and the names screens give channels. */
public final class Forms {
    private Forms() {
    }

    /** A label whose underlined letter (after {@code _}) moves the focus to {@code target} with Alt. */
    public static Label mnemonic(String text, Node target) {
        Label l = new Label(text);
        l.setMnemonicParsing(true);
        l.setLabelFor(target);
        return l;
    }

    /** A wrapping secondary line under a control. */
    public static Label hint(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("hint");
        l.setWrapText(true);
        return l;
    }

    /** The label/control grid of a side panel. */
    public static GridPane grid() {
        GridPane g = new GridPane();
        g.setHgap(8);
        g.setVgap(6);
        return g;
    }

    /**
     * A recon channel's name with its role, e.g. {@code unit 1033 (held-out)} or {@code channel 3 (held-in)};
     * null when the session has no such channel.
     */
    public static String channelName(Session s, int c) {
        if (s == null || c < 0 || c >= s.reconChannels()) {
            return null;
        }
        return (s.channelNames().isEmpty() ? "channel " + c : "unit " + s.channelNames().get(c))
                + (c < s.heldInChannels() ? " (held-in)" : " (held-out)");
    }
}
