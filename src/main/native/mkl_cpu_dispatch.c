/*
 * Preloaded by the launcher on AMD CPUs (LATENTLAB_NATIVE_TUNING=0 turns it off).
 *
 * libtorch links Intel MKL statically, and MKL sends every CPU it does not recognise as Intel to its
 * generic kernels (the "def" code path), whatever instruction set the CPU has. MKL asks this exported
 * function; answering yes makes it dispatch on the CPU's actual features (AVX2, AVX-512) as it does on
 * Intel. Only the choice of kernels changes: the results are the same up to float rounding.
 */
int mkl_serv_intel_cpu_true(void) {
    return 1;
}
