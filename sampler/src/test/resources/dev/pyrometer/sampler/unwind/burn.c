/* Built by NativeFramesTest: a known C call chain for a profile to show under a known Python line. */
volatile unsigned long sink;

/* Called once per burn_inner, so burn_inner is no leaf: GCC keeps no frame pointer in leaf functions even with
   -fno-omit-frame-pointer, and a frame-pointer walk cannot see past a leaf that has none (as for any profiler). */
__attribute__((noinline)) void burn_done(unsigned long x) {
    sink = x;
}

__attribute__((noinline)) unsigned long burn_inner(unsigned long n) {
    unsigned long x = n;
    for (unsigned long i = 0; i < n; i++) x = x * 6364136223846793005UL + i;
    burn_done(x);
    return x;
}

__attribute__((noinline)) unsigned long burn_outer(unsigned long n) {
    unsigned long total = 0;
    for (int round = 0; round < 4; round++) total += burn_inner(n);
    sink = total;
    return total + 1;
}
