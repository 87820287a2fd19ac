package org.latentlab.core.model.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import java.util.ArrayList;
import java.util.List;

/**
 * Several GRU chains of the same width run as one: their weights and inputs are stacked along the member
 * axis, so one loop of T steps does the work of all of them (the IC and CI encoders' forward and backward
 * directions are four chains). A backward chain reads its input reversed in time, and its outputs are
 * reversed back, so every chain's output at t is aligned with input bin t.
 */
public final class StackedGru {
    private StackedGru() {
    }

    /** One chain: a cell, its input {@code [M, B, T, I]}, its trainable initial state {@code [M, 1, H]}, its direction. */
    public record Chain(ClippedGru cell, NDArray input, NDArray h0, boolean backward) {
    }

    /** Runs the chains (equal hidden size and length) and returns each one's outputs {@code [M, B, T, H]}. */
    public static List<NDArray> run(List<Chain> chains) {
        int k = chains.size();
        int hidden = chains.get(0).cell().hidden();
        float clip = chains.get(0).cell().clip();
        NDList xp = new NDList(k);
        NDList w = new NDList(k);
        NDList h0 = new NDList(k);
        long members = chains.get(0).input().getShape().get(0);
        long batch = chains.get(0).input().getShape().get(1);
        for (Chain c : chains) {
            NDArray p = c.cell().project(c.input());
            xp.add(c.backward() ? p.flip(2) : p);
            w.add(c.cell().wHh());
            h0.add(c.h0());
        }
        NDArray x = k == 1 ? xp.get(0) : NDArrays.concat(xp, 0);
        Loop loop = Loop.of(k * members);
        ClippedGru.Bound cell = ClippedGru.bind(loop, k == 1 ? w.get(0) : NDArrays.concat(w, 0), clip, hidden);
        NDArray h = loop.enter((k == 1 ? h0.get(0) : NDArrays.concat(h0, 0)).broadcast(k * members, batch, hidden));
        ClippedGru.Inputs in = ClippedGru.inputs(loop, x, hidden);
        int steps = in.zr().size();
        List<NDArray> outs = new ArrayList<>(steps);
        boolean clipping = cell.clips(h);
        for (int t = 0; t < steps; t++) {
            h = cell.step(in.zr().get(t), in.n().get(t), h, clipping);
            clipping = clipping && cell.clips(h);
            outs.add(h);
        }
        NDArray all = loop.stack(outs);
        NDList parts = k == 1 ? new NDList(all) : all.split(k, 0);
        List<NDArray> result = new ArrayList<>(k);
        for (int i = 0; i < k; i++) {
            result.add(chains.get(i).backward() ? parts.get(i).flip(2) : parts.get(i));
        }
        return result;
    }
}
