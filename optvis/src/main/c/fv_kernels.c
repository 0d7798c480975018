/*
 * Registers the engine's kernels as this library loads (NativeKernels loads it after TensorFlow).
 * A failed registration leaves a message for fv_kernels_error, which the engine reads and reports.
 */
#include <stdio.h>

#include "fv_kernels.h"

static char error[256];

__attribute__((constructor)) static void register_kernels(void) {
  TF_Status* status = TF_NewStatus();
  fv_register_projective_warp(status);
  if (TF_GetCode(status) == FV_TF_OK) {
    fv_register_mix_planes(status);
  }
  if (TF_GetCode(status) == FV_TF_OK) {
    fv_register_scales(status);
  }
  if (TF_GetCode(status) != FV_TF_OK) {
    snprintf(error, sizeof error, "cannot register the fv kernels (TensorFlow status %d)",
        TF_GetCode(status));
  }
  TF_DeleteStatus(status);
}

const char* fv_kernels_error(void) {
  return error[0] == 0 ? NULL : error;
}
