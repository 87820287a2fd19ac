package org.latentlab.core.synth;

/** The classical fourth-order Runge-Kutta step for an autonomous system {@code dx/dt = f(x)}. */
final class Rk4 {

    /** A vector field; writes {@code f(x)} into {@code out} (which never aliases {@code x}). */
    @FunctionalInterface
    interface Field {
        void eval(double[] x, double[] out);
    }

    private final Field field;
    private final double[] k1;
    private final double[] k2;
    private final double[] k3;
    private final double[] k4;
    private final double[] tmp;

    Rk4(Field field, int dim) {
        this.field = field;
        this.k1 = new double[dim];
        this.k2 = new double[dim];
        this.k3 = new double[dim];
        this.k4 = new double[dim];
        this.tmp = new double[dim];
    }

    /** Advances {@code x} in place by one step of size {@code h}. */
    void step(double[] x, double h) {
        int n = x.length;
        field.eval(x, k1);
        for (int i = 0; i < n; i++) {
            tmp[i] = x[i] + 0.5 * h * k1[i];
        }
        field.eval(tmp, k2);
        for (int i = 0; i < n; i++) {
            tmp[i] = x[i] + 0.5 * h * k2[i];
        }
        field.eval(tmp, k3);
        for (int i = 0; i < n; i++) {
            tmp[i] = x[i] + h * k3[i];
        }
        field.eval(tmp, k4);
        for (int i = 0; i < n; i++) {
            x[i] += h / 6.0 * (k1[i] + 2.0 * k2[i] + 2.0 * k3[i] + k4[i]);
        }
    }

    /** {@code steps} steps of size {@code h}. */
    void advance(double[] x, double h, int steps) {
        for (int s = 0; s < steps; s++) {
            step(x, h);
        }
    }
}
