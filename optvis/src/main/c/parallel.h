/* Rows of a kernel's work shared between the calling thread and kept helper threads. */
#ifndef FV_PARALLEL_H
#define FV_PARALLEL_H

#include <stdint.h>

/* Does rows [first, end) of a kernel's work. */
typedef void (*fv_rows_work)(void* context, int64_t first, int64_t end);

/*
 * Calls work once on every range of [0, rows), rows_per_claim at a time: the calling thread
 * claims from the front at once, helper threads (one per further core, at most 3, started at
 * the first call and kept) from the back when they wake, so each reads a region of its own in
 * order and a late helper delays nothing. With share 0, or rows fewer than 2 * rows_per_claim,
 * the caller does it all. Returns when every row is done. Helpers run in the caller's
 * floating-point modes (TensorFlow flushes subnormals on its threads).
 */
void fv_parallel_rows(int64_t rows, int64_t rows_per_claim, int share, fv_rows_work work,
    void* context);

#endif
