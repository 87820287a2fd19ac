package org.latentlab.core.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.latentlab.core.data.Session;
import org.latentlab.core.data.Split;
import org.latentlab.core.data.SplitData;
import org.latentlab.core.data.Tensor3;

/**
 * Where the read-ins and readouts of a multi-session model start: principal-component regression, the
 * recipe of lfads-torch's multi-session tutorial.
 *
 * <ol>
 *   <li>Per session, the condition-averaged training data (PSTHs, smoothed in time), centred per channel.
 *       Conditions are the condition ids every session shares, so row r of every session is the same
 *       condition and bin.</li>
 *   <li>The top D principal components of all sessions' channels side by side, scaled together so the
 *       first has unit variance: a common low-dimensional space.</li>
 *   <li>Each session's read-in: ridge regression of its channels onto those components (the bias maps the
 *       channel means to zero). Its readout: ridge regression back from the read-in's projection to the
 *       session's recon channels (held-out ones too), on the log-rate scale for Poisson data (the log of
 *       each PSTH over its mean, softened and bounded), so every session's readout starts from the same
 *       factor space. The
 *       readout reads the projection with every component at unit variance, the factors' scale.</li>
 * </ol>
 * Without shared condition ids there is no row correspondence between sessions: each read-in then starts
 * from its own session's principal components (per-trial smoothed data), which are not aligned across
 * sessions, and {@link Result#aligned()} says so.
 */
final class PcrAlignment {
    /** Gaussian smoothing of the PSTHs, in bins. */
    private static final double SMOOTH_SD_BINS = 2;
    /** Bound on a Poisson readout's starting log-rate deviation from the channel mean (a factor of 20). */
    private static final double LOG_RATIO_BOUND = 3;
    /** Ridge penalty relative to the mean per-channel energy of the regressors (scale-free). */
    private static final double RIDGE = 1e-2;

    private PcrAlignment() {
    }

    /**
     * One session's start.
     *
     * @param readinW  {@code [N_in][D]}
     * @param readinB  {@code [D]}
     * @param readoutW {@code [D][N_recon]}
     * @param readoutB {@code [N_recon]}, in the readout's units (log mean count for Poisson)
     */
    record Start(double[][] readinW, double[] readinB, double[][] readoutW, double[] readoutB) {
    }

    /**
     * @param aligned    whether the read-ins map every session into one space (shared conditions)
     * @param conditions shared conditions used (0 when not aligned)
     * @param explained  fraction of the centred data's variance the D components hold
     */
    record Result(List<Start> sessions, boolean aligned, int conditions, double explained) {
        String describe() {
            return aligned
                    ? String.format(java.util.Locale.ROOT, "read-ins start from principal-component regression on %d "
                    + "shared conditions (%d components hold %.0f%% of the PSTH variance)", conditions,
                    sessions.get(0).readinB().length, 100 * explained)
                    : "the sessions share no condition ids, so each read-in starts from its own session's principal "
                    + "components, not aligned across sessions (set model.train_readin=true to let training align them)";
        }
    }

    /**
     * @param dim    read-in width D
     * @param logLink whether the readout's output is a log rate (Poisson)
     */
    static Result fit(List<Session> sessions, int dim, boolean logLink) {
        Set<Integer> shared = sharedConditions(sessions);
        if (shared.size() < 2) {
            List<Start> out = new ArrayList<>();
            double sum = 0;
            for (Session s : sessions) {
                double[] frac = new double[1];
                out.add(unaligned(s, dim, logLink, frac));
                sum += frac[0];
            }
            return new Result(out, false, 0, sum / sessions.size());
        }
        List<double[][]> encod = new ArrayList<>();
        List<double[][]> recon = new ArrayList<>();
        for (Session s : sessions) {
            SplitData train = s.split(Split.TRAIN);
            encod.add(psth(train.encod(), train.conditionIds(), shared, s.bins()));
            recon.add(psth(train.reconOrEncod(), train.conditionIds(), shared, s.bins()));
        }
        int total = 0;
        for (double[][] x : encod) {
            total += x[0].length;
        }
        double[][] all = new double[encod.get(0).length][total];
        int col = 0;
        for (double[][] x : encod) {
            double[][] c = centred(x, means(x));
            for (int r = 0; r < c.length; r++) {
                System.arraycopy(c[r], 0, all[r], col, c[r].length);
            }
            col += x[0].length;
        }
        double[] frac = new double[1];
        double[][] z = components(all, dim, frac);
        List<Start> out = new ArrayList<>();
        for (int i = 0; i < sessions.size(); i++) {
            double[] mu = means(encod.get(i));
            double[][] w = ridge(centred(encod.get(i), mu), z);
            out.add(start(w, mu, encod.get(i), recon.get(i), logLink));
        }
        return new Result(out, true, shared.size(), frac[0]);
    }

    /**
     * A session's start from its own principal components (no shared conditions to align on), computed
     * from sums over its smoothed training trials, one trial at a time: the same read-in and readout as
     * {@link #start} would give on all trial-by-bin rows, without holding them (a large session's rows run
     * to gigabytes). {@code explained[0]} gets the components' share of the variance.
     */
    static Start unaligned(Session s, int dim, boolean logLink, double[] explained) {
        SplitData train = s.split(Split.TRAIN);
        Tensor3 en = train.encod();
        Tensor3 re = train.reconOrEncod();
        int bins = s.bins();
        int nIn = en.channels();
        int nRec = re.channels();
        // Pass 1: channel means.
        double[] mu = new double[nIn];
        double[] nu = new double[nRec];
        long rows = (long) en.trials() * bins;
        for (int i = 0; i < en.trials(); i++) {
            double[][] x = smooth(trial(en, i, bins));
            double[][] y = smooth(trial(re, i, bins));
            for (int t = 0; t < bins; t++) {
                for (int c = 0; c < nIn; c++) {
                    mu[c] += x[t][c] / rows;
                }
                for (int c = 0; c < nRec; c++) {
                    nu[c] += y[t][c] / rows;
                }
            }
        }
        double[] bias = new double[nRec];
        for (int c = 0; c < nRec; c++) {
            bias[c] = logLink ? Math.log(Math.max(nu[c], 1e-3)) : nu[c];
        }
        // Pass 2: the centred Gram matrix X'X and the cross products X'Y with the readout's targets.
        DMatrixRMaj xx = new DMatrixRMaj(nIn, nIn);
        DMatrixRMaj xy = new DMatrixRMaj(nIn, nRec);
        for (int i = 0; i < en.trials(); i++) {
            double[][] x = centred(smooth(trial(en, i, bins)), mu);
            double[][] y = targets(smooth(trial(re, i, bins)), nu, logLink);
            DMatrixRMaj xm = new DMatrixRMaj(x);
            CommonOps_DDRM.multAddTransA(xm, xm, xx);
            CommonOps_DDRM.multAddTransA(xm, new DMatrixRMaj(y), xy);
        }
        // Read-in: ridge regression of X onto its own top components Z = X V s (s puts the first at unit
        // variance), i.e. W = (X'X + aI)^-1 X'X V s.
        DMatrixRMaj cov = xx.copy();
        CommonOps_DDRM.scale(1.0 / rows, cov);
        double[][] v = topEigenvectors(cov, dim, explained);
        DMatrixRMaj vs = new DMatrixRMaj(v);
        DMatrixRMaj xz = new DMatrixRMaj(nIn, dim);
        CommonOps_DDRM.mult(xx, vs, xz);
        DMatrixRMaj w = solveRidge(xx, xz);
        double[] b = new double[dim];
        for (int k = 0; k < dim; k++) {
            for (int c = 0; c < nIn; c++) {
                b[k] -= mu[c] * w.get(c, k);
            }
        }
        // Readout: ridge regression of the targets on the projection with unit-variance components, from
        // (ZD)'(ZD) = D W'X'XW D and (ZD)'Y = D W'X'Y.
        DMatrixRMaj wtx = new DMatrixRMaj(dim, nIn);
        CommonOps_DDRM.multTransA(w, xx, wtx);
        DMatrixRMaj zz = new DMatrixRMaj(dim, dim);
        CommonOps_DDRM.mult(wtx, w, zz);
        DMatrixRMaj zy = new DMatrixRMaj(dim, nRec);
        CommonOps_DDRM.multTransA(w, xy, zy);
        for (int k = 0; k < dim; k++) {
            double sd = Math.sqrt(zz.get(k, k) / rows);
            double inv = sd > 0 ? 1 / sd : 0;
            for (int j = 0; j < dim; j++) {
                zz.set(k, j, zz.get(k, j) * inv);
                zz.set(j, k, zz.get(j, k) * inv);
            }
            for (int c = 0; c < nRec; c++) {
                zy.set(k, c, zy.get(k, c) * inv);
            }
        }
        return new Start(toArray(w), b, toArray(solveRidge(zz, zy)), bias);
    }

    /** One trial's first {@code bins} bins, {@code [bins][channels]} (NaN kept for the smoothing to skip). */
    private static double[][] trial(Tensor3 x, int i, int bins) {
        double[][] out = new double[bins][x.channels()];
        for (int t = 0; t < bins; t++) {
            for (int c = 0; c < x.channels(); c++) {
                out[t][c] = x.get(i, t, c);
            }
        }
        return out;
    }

    /**
     * The readout's regression targets from smoothed recon rows: the centred values, or for a log link the
     * log of each value over its channel mean, softened and bounded (a linearised deviation has no bound,
     * and a low-rate channel tuned to one condition of C would start near C - 1).
     */
    private static double[][] targets(double[][] recon, double[] nu, boolean logLink) {
        double[][] y = new double[recon.length][nu.length];
        for (int r = 0; r < recon.length; r++) {
            for (int n = 0; n < nu.length; n++) {
                if (logLink) {
                    double eps = 0.1 * Math.max(nu[n], 1e-3);
                    double ratio = Math.log((Math.max(recon[r][n], 0) + eps) / (nu[n] + eps));
                    y[r][n] = Math.max(-LOG_RATIO_BOUND, Math.min(LOG_RATIO_BOUND, ratio));
                } else {
                    y[r][n] = recon[r][n] - nu[n];
                }
            }
        }
        return y;
    }

    static Start start(double[][] w, double[] mu, double[][] encod, double[][] recon, boolean logLink) {
        int dim = w[0].length;
        double[] b = new double[dim];
        for (int k = 0; k < dim; k++) {
            for (int n = 0; n < mu.length; n++) {
                b[k] -= mu[n] * w[n][k];
            }
        }
        // The readout is fitted from the projection with every component at unit variance, the scale of the
        // factors it will read: fitted on the read-in's own scale, its weights for the weak components would
        // be large, and factors of ordinary size would start at absurd rates (tried: first loss 6e9).
        double[][] z = standardised(multiply(centred(encod, mu), w));
        double[] nu = means(recon);
        double[] bias = new double[nu.length];
        for (int n = 0; n < nu.length; n++) {
            bias[n] = logLink ? Math.log(Math.max(nu[n], 1e-3)) : nu[n];
        }
        return new Start(w, b, ridge(z, targets(recon, nu, logLink)), bias);
    }

    /** Columns scaled to unit variance (about zero: the projections are centred); all-zero columns stay zero. */
    static double[][] standardised(double[][] z) {
        int d = z[0].length;
        double[] sd = new double[d];
        for (double[] row : z) {
            for (int k = 0; k < d; k++) {
                sd[k] += row[k] * row[k] / z.length;
            }
        }
        double[][] out = new double[z.length][d];
        for (int r = 0; r < z.length; r++) {
            for (int k = 0; k < d; k++) {
                out[r][k] = sd[k] > 0 ? z[r][k] / Math.sqrt(sd[k]) : 0;
            }
        }
        return out;
    }

    /** Condition ids present in the training split of every session (empty if any lacks them). */
    static Set<Integer> sharedConditions(List<Session> sessions) {
        Set<Integer> shared = null;
        for (Session s : sessions) {
            int[] ids = s.split(Split.TRAIN).conditionIds();
            if (ids == null) {
                return Set.of();
            }
            Set<Integer> mine = new TreeSet<>();
            for (int c : ids) {
                mine.add(c);
            }
            if (shared == null) {
                shared = mine;
            } else {
                shared.retainAll(mine);
            }
        }
        return shared == null ? Set.of() : shared;
    }

    /** Rows (condition, bin) of the smoothed condition means of the first {@code bins} bins; NaN skipped. */
    static double[][] psth(Tensor3 x, int[] cond, Set<Integer> conditions, int bins) {
        double[][] out = new double[conditions.size() * bins][x.channels()];
        int row = 0;
        for (int c : conditions) {
            double[][] sum = new double[bins][x.channels()];
            double[][] n = new double[bins][x.channels()];
            for (int i = 0; i < x.trials(); i++) {
                if (cond[i] != c) {
                    continue;
                }
                for (int t = 0; t < bins; t++) {
                    for (int k = 0; k < x.channels(); k++) {
                        float v = x.get(i, t, k);
                        if (!Float.isNaN(v)) {
                            sum[t][k] += v;
                            n[t][k]++;
                        }
                    }
                }
            }
            double[][] mean = new double[bins][x.channels()];
            for (int t = 0; t < bins; t++) {
                for (int k = 0; k < x.channels(); k++) {
                    mean[t][k] = n[t][k] > 0 ? sum[t][k] / n[t][k] : Double.NaN;
                }
            }
            double[][] smooth = smooth(mean);
            for (int t = 0; t < bins; t++) {
                out[row++] = smooth[t];
            }
        }
        return out;
    }

    /** Gaussian smoothing along time (rows), normalised over the taps that exist and are not NaN. */
    static double[][] smooth(double[][] x) {
        int bins = x.length;
        int channels = x[0].length;
        int half = (int) Math.ceil(3 * SMOOTH_SD_BINS);
        double[] kernel = new double[2 * half + 1];
        for (int d = -half; d <= half; d++) {
            kernel[d + half] = Math.exp(-0.5 * d * d / (SMOOTH_SD_BINS * SMOOTH_SD_BINS));
        }
        double[][] out = new double[bins][channels];
        for (int t = 0; t < bins; t++) {
            for (int k = 0; k < channels; k++) {
                double s = 0;
                double w = 0;
                for (int d = -half; d <= half; d++) {
                    int u = t + d;
                    if (u >= 0 && u < bins && !Double.isNaN(x[u][k])) {
                        s += kernel[d + half] * x[u][k];
                        w += kernel[d + half];
                    }
                }
                out[t][k] = w > 0 ? s / w : 0;
            }
        }
        return out;
    }

    static double[] means(double[][] x) {
        double[] m = new double[x[0].length];
        for (double[] row : x) {
            for (int k = 0; k < m.length; k++) {
                m[k] += row[k];
            }
        }
        for (int k = 0; k < m.length; k++) {
            m[k] /= x.length;
        }
        return m;
    }

    static double[][] centred(double[][] x, double[] mu) {
        double[][] c = new double[x.length][mu.length];
        for (int r = 0; r < x.length; r++) {
            for (int k = 0; k < mu.length; k++) {
                c[r][k] = x[r][k] - mu[k];
            }
        }
        return c;
    }

    /**
     * The scores of the top {@code dim} principal components of centred {@code x}, all scaled by one factor
     * that gives the first unit variance; components past the data's rank are zero. One common factor keeps
     * the weak (mostly noise) components small: scaling each to unit variance would blow the noise in
     * single-trial counts up to the size of the signal in the read-in's output. {@code explained[0]} gets
     * the components' share of the variance.
     */
    static double[][] components(double[][] x, int dim, double[] explained) {
        int n = x[0].length;
        DMatrixRMaj xm = new DMatrixRMaj(x);
        DMatrixRMaj cov = new DMatrixRMaj(n, n);
        CommonOps_DDRM.multTransA(xm, xm, cov);
        CommonOps_DDRM.scale(1.0 / x.length, cov);
        return multiply(x, topEigenvectors(cov, dim, explained));
    }

    /**
     * The top {@code dim} eigenvectors of a covariance as columns {@code [n][dim]}, all scaled by
     * {@code 1/sqrt(lambda_1)} (projections onto them give the first component unit variance); columns past
     * the rank are zero. {@code explained[0]} gets their share of the variance.
     */
    static double[][] topEigenvectors(DMatrixRMaj cov, int dim, double[] explained) {
        int n = cov.numRows;
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(n, true, true);
        if (!eig.decompose(cov.copy())) {
            throw new IllegalStateException("eigendecomposition of the session covariance failed");
        }
        Integer[] order = new Integer[n];
        double total = 0;
        for (int i = 0; i < n; i++) {
            order[i] = i;
            total += Math.max(0, eig.getEigenvalue(i).getReal());
        }
        java.util.Arrays.sort(order, (a, b) -> Double.compare(eig.getEigenvalue(b).getReal(),
                eig.getEigenvalue(a).getReal()));
        double[][] v = new double[n][dim];
        double kept = 0;
        double scale = 1 / Math.sqrt(Math.max(eig.getEigenvalue(order[0]).getReal(), 1e-300));
        for (int k = 0; k < Math.min(dim, n); k++) {
            double lambda = eig.getEigenvalue(order[k]).getReal();
            if (!(lambda > 1e-12 * Math.max(total, 1e-300))) {
                break; // past the rank: leave the rest zero
            }
            kept += lambda;
            DMatrixRMaj e = eig.getEigenVector(order[k]);
            for (int i = 0; i < n; i++) {
                v[i][k] = e.get(i, 0) * scale;
            }
        }
        explained[0] = total > 0 ? kept / total : 0;
        return v;
    }

    /**
     * Ridge regression without intercept, {@code (X'X + a I)^-1 X'Y}, with {@code a} = {@link #RIDGE} times
     * the mean diagonal of X'X (at least a tiny floor, so all-zero regressors stay solvable).
     */
    static double[][] ridge(double[][] x, double[][] y) {
        DMatrixRMaj xm = new DMatrixRMaj(x);
        int p = x[0].length;
        DMatrixRMaj xtx = new DMatrixRMaj(p, p);
        CommonOps_DDRM.multTransA(xm, xm, xtx);
        DMatrixRMaj xty = new DMatrixRMaj(p, y[0].length);
        CommonOps_DDRM.multTransA(xm, new DMatrixRMaj(y), xty);
        return toArray(solveRidge(xtx, xty));
    }

    /** {@link #ridge} from the products X'X and X'Y. */
    static DMatrixRMaj solveRidge(DMatrixRMaj xtx, DMatrixRMaj xty) {
        int p = xtx.numRows;
        DMatrixRMaj a = xtx.copy();
        double alpha = Math.max(RIDGE * CommonOps_DDRM.trace(a) / p, 1e-12);
        for (int i = 0; i < p; i++) {
            a.add(i, i, alpha);
        }
        DMatrixRMaj w = new DMatrixRMaj(p, xty.numCols);
        if (!CommonOps_DDRM.solveSPD(a, xty.copy(), w)) {
            throw new IllegalStateException("ridge regression failed");
        }
        return w;
    }

    static double[][] toArray(DMatrixRMaj m) {
        double[][] out = new double[m.numRows][m.numCols];
        for (int i = 0; i < m.numRows; i++) {
            for (int j = 0; j < m.numCols; j++) {
                out[i][j] = m.get(i, j);
            }
        }
        return out;
    }

    static double[][] multiply(double[][] a, double[][] b) {
        double[][] c = new double[a.length][b[0].length];
        for (int r = 0; r < a.length; r++) {
            for (int k = 0; k < b.length; k++) {
                double v = a[r][k];
                if (v != 0) {
                    for (int j = 0; j < b[0].length; j++) {
                        c[r][j] += v * b[k][j];
                    }
                }
            }
        }
        return c;
    }
}
