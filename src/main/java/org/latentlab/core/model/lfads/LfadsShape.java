package org.latentlab.core.model.lfads;

/**
 * The sizes an LFADS model is built with: architecture from the config, data layout from the session.
 *
 * @param heldIn      channels the encoder sees
 * @param recon       channels reconstructed (held-in then held-out)
 * @param encodBins   bins of the encoding window
 * @param reconBins   encoding bins plus forward-prediction bins
 * @param extInputs   external input channels (0 when none)
 * @param icEncSeqLen leading bins seen only by the IC encoder (0: both encoders see everything)
 * @param readinDim   width of a per-session linear read-in in front of the encoders (several sessions), or 0
 *                    when the encoders see the held-in channels as they are
 */
public record LfadsShape(int heldIn, int recon, int encodBins, int reconBins, int extInputs, int icEncDim,
                         int ciEncDim, int ciLag, int conDim, int coDim, int icDim, int genDim, int facDim,
                         int icEncSeqLen, float cellClip, double icPostVarMin, double icPriorVar,
                         double coPriorTau, double coPriorNvar, int readinDim) {

    public LfadsShape {
        if (heldIn <= 0 || recon < heldIn || encodBins <= 0 || reconBins < encodBins || extInputs < 0) {
            throw new IllegalArgumentException("bad data layout: heldIn " + heldIn + ", recon " + recon
                    + ", encodBins " + encodBins + ", reconBins " + reconBins + ", extInputs " + extInputs);
        }
        if (icEncSeqLen < 0 || icEncSeqLen >= encodBins) {
            throw new IllegalArgumentException("ic_enc_seq_len " + icEncSeqLen + " must be in [0, " + encodBins + ")");
        }
        if (readinDim < 0) {
            throw new IllegalArgumentException("readin dim " + readinDim + " is negative");
        }
    }

    /** A single-session shape: the encoders see the held-in channels directly. */
    public LfadsShape(int heldIn, int recon, int encodBins, int reconBins, int extInputs, int icEncDim, int ciEncDim,
                      int ciLag, int conDim, int coDim, int icDim, int genDim, int facDim, int icEncSeqLen,
                      float cellClip, double icPostVarMin, double icPriorVar, double coPriorTau, double coPriorNvar) {
        this(heldIn, recon, encodBins, reconBins, extInputs, icEncDim, ciEncDim, ciLag, conDim, coDim, icDim, genDim,
                facDim, icEncSeqLen, cellClip, icPostVarMin, icPriorVar, coPriorTau, coPriorNvar, 0);
    }

    /** Whether a linear read-in maps the held-in channels to the encoders' input. */
    public boolean hasReadin() {
        return readinDim > 0;
    }

    /** Width of what the encoders see: the read-in's output, or the held-in channels. */
    public int encoderInput() {
        return hasReadin() ? readinDim : heldIn;
    }

    /** The controller exists only when its encoder, its cell and its outputs all have a size. */
    public boolean hasController() {
        return ciEncDim > 0 && conDim > 0 && coDim > 0;
    }

    /** Width of the generator's input: controller outputs then external inputs. */
    public int genInputDim() {
        return (hasController() ? coDim : 0) + extInputs;
    }

    /** Bins the CI encoder sees. */
    public int ciBins() {
        return encodBins - icEncSeqLen;
    }
}
