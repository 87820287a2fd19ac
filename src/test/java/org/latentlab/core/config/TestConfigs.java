package org.latentlab.core.config;

import java.util.List;

import org.latentlab.core.data.DataException;

/** Small config records that exercise every supported component type, three levels deep. */
final class TestConfigs {
    private TestConfigs() {
    }

    enum Mode { FAST_PATH, SLOW }

    record Deep(double x) {
        Deep {
            Check.nonNegative("x", x);
        }

        static Deep defaults() {
            return new Deep(1.5);
        }
    }

    /** A cross-field check, which must see both values of one --set batch. */
    record Inner(Deep deep, int lo, int hi) {
        Inner {
            if (lo > hi) {
                throw new DataException("lo (" + lo + ") must not exceed hi (" + hi + ")");
            }
        }

        static Inner defaults() {
            return new Inner(Deep.defaults(), 1, 5);
        }
    }

    sealed interface Prior permits Gauss, StudentT, Flat {
    }

    @TypeName("gauss")
    record Gauss(double var) implements Prior {
        Gauss {
            Check.positive("var", var);
        }

        static Gauss defaults() {
            return new Gauss(0.1);
        }
    }

    @TypeName("student-t")
    record StudentT(double dof, double scale) implements Prior {
        StudentT {
            Check.positive("dof", dof);
            Check.positive("scale", scale);
        }

        static StudentT defaults() {
            return new StudentT(5.0, 1.0);
        }
    }

    @TypeName("flat")
    record Flat() implements Prior {
    }

    record Demo(Inner inner, Prior prior, List<Integer> sizes, List<Double> rates, Mode mode, String name,
            long steps, float gain, boolean flag) {
        Demo {
            sizes = List.copyOf(sizes);
            rates = List.copyOf(rates);
            Check.notNull("mode", mode);
        }

        static Demo defaults() {
            return new Demo(Inner.defaults(), Gauss.defaults(), List.of(4, 8), List.of(0.5), Mode.SLOW, "demo",
                    10L, 2.0f, false);
        }
    }
}
