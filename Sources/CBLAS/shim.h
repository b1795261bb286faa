#ifndef ALMANAC_CBLAS_SHIM_H
#define ALMANAC_CBLAS_SHIM_H
#include <cblas.h>

// OpenBLAS's own controls, declared in its cblas.h; wrapped so Swift sees one name each.
static inline void almanac_blas_set_threads(int n) { openblas_set_num_threads(n); }
static inline int almanac_blas_threads(void) { return openblas_get_num_threads(); }
#endif
