/*
 * The engine's kernels' threads. TensorFlow's threads hold the cores between ops, so a thread
 * asked to help with an op is often late: rows are claimed as they are done instead of dealt
 * out in halves, and the caller never waits for a helper that has not begun. The helpers are
 * kept between ops: a wake-up, not a thread's creation and end, per op.
 */
#include "parallel.h"

#include <immintrin.h>
#include <pthread.h>
#include <sched.h>
#include <stdlib.h>
#include <unistd.h>

enum { MAX_HELPERS = 3 };

/*
 * One call's rows. Shared by reference count: a helper that wakes late may still hold it after
 * the caller has returned (it then finds no rows left and never calls work).
 */
typedef struct {
  fv_rows_work work;
  void* context;
  int64_t rows;
  int64_t rows_per_claim;
  uint64_t unclaimed; /* rows [low 32 bits, high 32 bits) not yet claimed (atomic) */
  int64_t rows_done;  /* atomic */
  int refs;           /* atomic */
  unsigned int mxcsr; /* the caller's floating-point modes */
} job;

/* Claims the next rows [*first, *end): from the front, or the back. False when none is left. */
static int claim(job* j, int from_back, int64_t* first, int64_t* end) {
  uint64_t range = __atomic_load_n(&j->unclaimed, __ATOMIC_RELAXED);
  for (;;) {
    const int64_t low = (int64_t) (range & 0xffffffffu);
    const int64_t high = (int64_t) (range >> 32);
    if (low >= high) {
      return 0;
    }
    const int64_t step = j->rows_per_claim;
    const int64_t split = from_back ? (high - step > low ? high - step : low)
        : (low + step < high ? low + step : high);
    const uint64_t rest = from_back ? ((uint64_t) split << 32) | (uint64_t) low
        : ((uint64_t) high << 32) | (uint64_t) split;
    if (__atomic_compare_exchange_n(&j->unclaimed, &range, rest, 0, __ATOMIC_RELAXED,
        __ATOMIC_RELAXED)) {
      *first = from_back ? split : low;
      *end = from_back ? high : split;
      return 1;
    }
  }
}

static void work_on(job* j, int from_back) {
  int64_t first;
  int64_t end;
  while (claim(j, from_back, &first, &end)) {
    j->work(j->context, first, end);
    __atomic_add_fetch(&j->rows_done, end - first, __ATOMIC_RELEASE);
  }
}

static void release(job* j) {
  if (__atomic_sub_fetch(&j->refs, 1, __ATOMIC_ACQ_REL) == 0) {
    free(j);
  }
}

/* The job on offer, taken under the lock with a reference; a new generation wakes the helpers. */
static pthread_mutex_t pool_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t pool_wake = PTHREAD_COND_INITIALIZER;
static job* offered;
static long generation;
static int helper_count = -1; /* not started yet */

static void* helper_loop(void* unused) {
  (void) unused;
  long seen = 0;
  for (;;) {
    pthread_mutex_lock(&pool_lock);
    while (generation == seen) {
      pthread_cond_wait(&pool_wake, &pool_lock);
    }
    seen = generation;
    job* j = offered;
    if (j != NULL) {
      __atomic_add_fetch(&j->refs, 1, __ATOMIC_RELAXED);
    }
    pthread_mutex_unlock(&pool_lock);
    if (j != NULL) {
      const unsigned int own = _mm_getcsr();
      _mm_setcsr(j->mxcsr);
      work_on(j, 1);
      _mm_setcsr(own);
      release(j);
    }
  }
  return NULL;
}

static int helpers(void) {
  pthread_mutex_lock(&pool_lock);
  if (helper_count < 0) {
    const long cores = sysconf(_SC_NPROCESSORS_ONLN);
    const int wanted = cores <= 1 ? 0 : cores > MAX_HELPERS ? MAX_HELPERS : (int) cores - 1;
    helper_count = 0;
    for (int i = 0; i < wanted; i++) {
      pthread_t id;
      if (pthread_create(&id, NULL, helper_loop, NULL) == 0) {
        pthread_detach(id);
        helper_count++;
      }
    }
  }
  const int count = helper_count;
  pthread_mutex_unlock(&pool_lock);
  return count;
}

void fv_parallel_rows(int64_t rows, int64_t rows_per_claim, int share, fv_rows_work work,
    void* context) {
  const int parallel = share && rows >= 2 * rows_per_claim && rows <= INT32_MAX
      && helpers() > 0;
  job* j = parallel ? malloc(sizeof *j) : NULL;
  if (j == NULL) {
    if (rows > 0) {
      work(context, 0, rows);
    }
    return;
  }
  *j = (job) {work, context, rows, rows_per_claim, (uint64_t) rows << 32, 0, 1, _mm_getcsr()};
  pthread_mutex_lock(&pool_lock);
  offered = j;
  generation++;
  pthread_cond_broadcast(&pool_wake);
  pthread_mutex_unlock(&pool_lock);
  work_on(j, 0);
  pthread_mutex_lock(&pool_lock);
  if (offered == j) {
    offered = NULL;
  }
  pthread_mutex_unlock(&pool_lock);
  // Rows a helper has claimed are being written: a claim is a few microseconds.
  while (__atomic_load_n(&j->rows_done, __ATOMIC_ACQUIRE) < rows) {
    sched_yield();
  }
  release(j);
}
