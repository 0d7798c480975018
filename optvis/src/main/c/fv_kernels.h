/* The engine's TensorFlow kernels (see README.md in this folder). */
#ifndef FV_KERNELS_H
#define FV_KERNELS_H

#include <stdint.h>

#include "tf_kernel_api.h"

/* The label a node's "_kernel" attribute names to run one of these kernels. */
#define FV_KERNEL_LABEL "fv"

void fv_register_projective_warp(TF_Status* status);
void fv_register_mix_planes(TF_Status* status);
void fv_register_scales(TF_Status* status);

/*
 * ImageProjectiveTransformV3's computation on NHWC float images; fill_mode numbers REFLECT,
 * WRAP, CONSTANT, NEAREST from 0. Returns 0, or -1 where memory for the rows ran out.
 */
int fv_projective_warp(const float* image, int64_t batch, int64_t height, int64_t width,
    int64_t channels, const float* transforms, int shared_transform, float fill, int bilinear,
    int fill_mode, int64_t out_height, int64_t out_width, float* out);

#endif
