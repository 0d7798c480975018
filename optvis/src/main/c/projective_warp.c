/*
 * ImageProjectiveTransformV3 for float images on the CPU, under the kernel label "fv": the
 * arithmetic of TensorFlow 2.16's kernel (tensorflow/core/kernels/image/image_ops.h; points
 * outside the image are blended with the fill value there, not filled outright as in later
 * versions), each value computed by the same operations in the same order, so every output is
 * bit for bit the stock kernel's (ProjectiveWarpKernelTest). What differs is the layout of the
 * work: the stock kernel maps every output element (pixel and channel) through the transform
 * and the fill mode on its own; this one maps eight points at a time, reads a pixel's channels
 * together and shares the rows between the cores (parallel.c). A 236 px render warp and its
 * gradient cost about a tenth of the stock kernel's time.
 */
#include <immintrin.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fv_kernels.h"
#include "parallel.h"
#include "tf_kernel_api.h"

enum interpolation { NEAREST_INTERPOLATION, BILINEAR };
/*
 * Warps of this many output points or more are shared with the helper threads, a few rows at a
 * time (a claim is a few microseconds of work, so that the threads end close together).
 */
enum { MIN_SHARED_POINTS = 32768, ROWS_PER_CLAIM = 4 };
enum fill_mode { FILL_REFLECT, FILL_WRAP, FILL_CONSTANT, FILL_NEAREST };

typedef struct {
  enum interpolation interpolation;
  enum fill_mode fill_mode;
} warp_attrs;

/* Eigen's scalar_clamp_op: mini(maxi(x, lo), hi), std::max and std::min as written. */
static inline float clamp(float x, float hi) {
  float low = (x < 0.0f) ? 0.0f : x;
  return (hi < low) ? hi : low;
}

/* MapCoordinate of image_ops.h, one function per fill mode. */
static inline float map_coordinate(enum fill_mode mode, float out_coord, int64_t len) {
  float in_coord = out_coord;
  switch (mode) {
    case FILL_CONSTANT:
      return out_coord;
    case FILL_NEAREST:
      return clamp(out_coord, (float) (len - 1));
    case FILL_REFLECT:
      if (in_coord < 0) {
        if (len <= 1) {
          in_coord = 0;
        } else {
          const int64_t sz2 = 2 * len;
          if (in_coord < sz2) {
            in_coord = sz2 * (int64_t) (-in_coord / sz2) + in_coord;
          }
          in_coord = (in_coord < -len) ? in_coord + sz2 : -in_coord - 1;
        }
      } else if (in_coord > len - 1) {
        if (len <= 1) {
          in_coord = 0;
        } else {
          const int64_t sz2 = 2 * len;
          in_coord -= sz2 * (int64_t) (in_coord / sz2);
          if (in_coord >= len) {
            in_coord = sz2 - in_coord - 1;
          }
        }
      }
      return clamp(in_coord, (float) (len - 1));
    case FILL_WRAP:
      if (in_coord < 0) {
        if (len <= 1) {
          in_coord = 0;
        } else {
          const int64_t sz = len - 1;
          in_coord += len * ((int64_t) (-in_coord / sz) + 1);
        }
      } else if (in_coord > len - 1) {
        if (len <= 1) {
          in_coord = 0;
        } else {
          const int64_t sz = len - 1;
          in_coord -= len * (int64_t) (in_coord / sz);
        }
      }
      return clamp(in_coord, (float) (len - 1));
  }
  return out_coord;
}

static void* warp_create(TF_OpKernelConstruction* ctx) {
  char interpolation[32] = {0};
  char fill_mode[32] = {0};
  TF_Status* status = TF_NewStatus();
  TF_OpKernelConstruction_GetAttrString(ctx, "interpolation", interpolation,
      sizeof interpolation - 1, status);
  if (TF_GetCode(status) == FV_TF_OK) {
    TF_OpKernelConstruction_GetAttrString(ctx, "fill_mode", fill_mode, sizeof fill_mode - 1,
        status);
  }
  warp_attrs* attrs = NULL;
  if (TF_GetCode(status) == FV_TF_OK) {
    attrs = malloc(sizeof *attrs);
    if (attrs == NULL) {
      TF_SetStatus(status, FV_TF_RESOURCE_EXHAUSTED, "no memory for the warp kernel");
      TF_OpKernelConstruction_Failure(ctx, status);
      TF_DeleteStatus(status);
      return NULL;
    }
    attrs->interpolation = strcmp(interpolation, "NEAREST") == 0 ? NEAREST_INTERPOLATION
        : BILINEAR;
    attrs->fill_mode = strcmp(fill_mode, "REFLECT") == 0 ? FILL_REFLECT
        : strcmp(fill_mode, "WRAP") == 0 ? FILL_WRAP
        : strcmp(fill_mode, "NEAREST") == 0 ? FILL_NEAREST
        : FILL_CONSTANT;
    if (strcmp(interpolation, "NEAREST") != 0 && strcmp(interpolation, "BILINEAR") != 0) {
      TF_SetStatus(status, FV_TF_INVALID_ARGUMENT, "interpolation must be NEAREST or BILINEAR");
    }
  }
  if (TF_GetCode(status) != FV_TF_OK) {
    TF_OpKernelConstruction_Failure(ctx, status);
  }
  TF_DeleteStatus(status);
  return attrs;
}

/* The image's channels at (y, x), or NULL outside it (where the fill value is read). */
static inline const float* pixel(const float* image, int64_t height, int64_t width,
    int64_t channels, int64_t y, int64_t x) {
  return (0 <= y && y < height && 0 <= x && x < width) ? image + (y * width + x) * channels
      : NULL;
}

static void warp_compute(void* kernel, TF_OpKernelContext* ctx) {
  const warp_attrs* attrs = kernel;
  TF_Status* status = TF_NewStatus();
  TF_Tensor* inputs[4] = {NULL, NULL, NULL, NULL};
  for (int i = 0; i < 4 && TF_GetCode(status) == FV_TF_OK; i++) {
    TF_GetInput(ctx, i, &inputs[i], status);
  }
  TF_Tensor* output = NULL;
  if (TF_GetCode(status) == FV_TF_OK) {
    const TF_Tensor* images = inputs[0];
    const TF_Tensor* transforms = inputs[1];
    const TF_Tensor* shape = inputs[2];
    if (TF_NumDims(images) != 4) {
      TF_SetStatus(status, FV_TF_INVALID_ARGUMENT, "images must be 4-D");
    } else if (TF_NumDims(transforms) != 2 || TF_Dim(transforms, 1) != 8
        || (TF_Dim(transforms, 0) != 1 && TF_Dim(transforms, 0) != TF_Dim(images, 0))) {
      TF_SetStatus(status, FV_TF_INVALID_ARGUMENT,
          "transforms must be [1, 8] or [batch, 8]");
    } else if (TF_TensorElementCount(shape) != 2
        || ((const int32_t*) TF_TensorData(shape))[0] <= 0
        || ((const int32_t*) TF_TensorData(shape))[1] <= 0) {
      TF_SetStatus(status, FV_TF_INVALID_ARGUMENT,
          "output_shape must be two positive integers");
    } else if (TF_TensorElementCount(inputs[3]) != 1) {
      TF_SetStatus(status, FV_TF_INVALID_ARGUMENT, "fill_value must be a scalar");
    }
    if (TF_GetCode(status) == FV_TF_OK) {
      const int64_t batch = TF_Dim(images, 0);
      const int64_t height = TF_Dim(images, 1);
      const int64_t width = TF_Dim(images, 2);
      const int64_t channels = TF_Dim(images, 3);
      const int64_t out_height = ((const int32_t*) TF_TensorData(shape))[0];
      const int64_t out_width = ((const int32_t*) TF_TensorData(shape))[1];
      const int64_t dims[4] = {batch, out_height, out_width, channels};
      output = TF_AllocateOutput(ctx, 0, FV_TF_FLOAT, dims, 4,
          (size_t) (batch * out_height * out_width * channels) * sizeof(float), status);
      if (TF_GetCode(status) == FV_TF_OK) {
        if (fv_projective_warp(TF_TensorData(images), batch, height, width, channels,
            TF_TensorData(transforms), TF_Dim(transforms, 0) == 1,
            *(const float*) TF_TensorData(inputs[3]), attrs->interpolation == BILINEAR,
            (int) attrs->fill_mode, out_height, out_width, TF_TensorData(output)) != 0) {
          TF_SetStatus(status, FV_TF_RESOURCE_EXHAUSTED, "no memory for the warp's rows");
        }
      }
    }
  }
  if (TF_GetCode(status) != FV_TF_OK) {
    TF_OpKernelContext_Failure(ctx, status);
  }
  for (int i = 0; i < 4; i++) {
    if (inputs[i] != NULL) {
      TF_DeleteTensor(inputs[i]);
    }
  }
  if (output != NULL) {
    TF_DeleteTensor(output);
  }
  TF_DeleteStatus(status);
}

/*
 * One output row: its points' source coordinates first, in a loop the compiler vectorizes (the
 * same IEEE operations as the stock kernel's, so the same values), then the reads and blends.
 */
static inline __attribute__((always_inline)) void warp_row(const float* source,
    int64_t height, int64_t width, int64_t channels, const float* t, float fill, int bilinear,
    enum fill_mode mode, int64_t output_y, int64_t out_width, float* xs, float* ys,
    float* target) {
  // Eight points at a time, each lane doing the scalar loop's operations in its order (no
  // fused multiply-add), so the coordinates are the same to the bit.
  const float row_y = (float) output_y;
  const __m256 t0 = _mm256_set1_ps(t[0]), t1y = _mm256_set1_ps(t[1] * row_y);
  const __m256 t2 = _mm256_set1_ps(t[2]), t3 = _mm256_set1_ps(t[3]);
  const __m256 t4y = _mm256_set1_ps(t[4] * row_y), t5 = _mm256_set1_ps(t[5]);
  const __m256 t6 = _mm256_set1_ps(t[6]), t7y = _mm256_set1_ps(t[7] * row_y);
  const __m256 one = _mm256_set1_ps(1.f), nan = _mm256_set1_ps(NAN);
  const __m256 zero = _mm256_setzero_ps();
  int64_t output_x = 0;
  for (; output_x + 8 <= out_width; output_x += 8) {
    const __m256 column_x = _mm256_add_ps(_mm256_set1_ps((float) output_x),
        _mm256_setr_ps(0, 1, 2, 3, 4, 5, 6, 7));
    const __m256 projection = _mm256_add_ps(_mm256_add_ps(_mm256_mul_ps(t6, column_x), t7y),
        one);
    // A zero projection (a point at infinity) is filled below; NaN marks it.
    const __m256 infinite = _mm256_cmp_ps(projection, zero, _CMP_EQ_OQ);
    const __m256 input_x = _mm256_div_ps(
        _mm256_add_ps(_mm256_add_ps(_mm256_mul_ps(t0, column_x), t1y), t2), projection);
    const __m256 input_y = _mm256_div_ps(
        _mm256_add_ps(_mm256_add_ps(_mm256_mul_ps(t3, column_x), t4y), t5), projection);
    _mm256_storeu_ps(xs + output_x, _mm256_blendv_ps(input_x, nan, infinite));
    _mm256_storeu_ps(ys + output_x, _mm256_blendv_ps(input_y, nan, infinite));
  }
  for (; output_x < out_width; output_x++) {
    const float projection = t[6] * output_x + t[7] * output_y + 1.f;
    const float input_x = (t[0] * output_x + t[1] * output_y + t[2]) / projection;
    const float input_y = (t[3] * output_x + t[4] * output_y + t[5]) / projection;
    xs[output_x] = projection == 0 ? NAN : input_x;
    ys[output_x] = projection == 0 ? NAN : input_y;
  }
  if (mode == FILL_NEAREST) {
    // clamp() eight at a time: NaN stays NaN, as there.
    const __m256 width_1 = _mm256_set1_ps((float) (width - 1));
    const __m256 height_1 = _mm256_set1_ps((float) (height - 1));
    int64_t i = 0;
    for (; i + 8 <= out_width; i += 8) {
      const __m256 x = _mm256_loadu_ps(xs + i);
      const __m256 y = _mm256_loadu_ps(ys + i);
      const __m256 x_low = _mm256_blendv_ps(x, zero, _mm256_cmp_ps(x, zero, _CMP_LT_OQ));
      const __m256 y_low = _mm256_blendv_ps(y, zero, _mm256_cmp_ps(y, zero, _CMP_LT_OQ));
      _mm256_storeu_ps(xs + i,
          _mm256_blendv_ps(x_low, width_1, _mm256_cmp_ps(width_1, x_low, _CMP_LT_OQ)));
      _mm256_storeu_ps(ys + i,
          _mm256_blendv_ps(y_low, height_1, _mm256_cmp_ps(height_1, y_low, _CMP_LT_OQ)));
    }
    for (; i < out_width; i++) {
      xs[i] = map_coordinate(mode, xs[i], width);
      ys[i] = map_coordinate(mode, ys[i], height);
    }
  } else if (mode != FILL_CONSTANT) {
    for (int64_t i = 0; i < out_width; i++) {
      if (xs[i] == xs[i]) {
        xs[i] = map_coordinate(mode, xs[i], width);
        ys[i] = map_coordinate(mode, ys[i], height);
      }
    }
  }
  for (int64_t output_x = 0; output_x < out_width; output_x++) {
    float* result = target + output_x * channels;
    const float x = xs[output_x];
    const float y = ys[output_x];
    if (x != x) {
      for (int64_t c = 0; c < channels; c++) {
        result[c] = fill;
      }
      continue;
    }
    if (!bilinear) {
      const float* p = pixel(source, height, width, channels, (int64_t) roundf(y),
          (int64_t) roundf(x));
      for (int64_t c = 0; c < channels; c++) {
        result[c] = p != NULL ? p[c] : fill;
      }
      continue;
    }
    const float y_floor = floorf(y);
    const float x_floor = floorf(x);
    const float y_ceil = y_floor + 1;
    const float x_ceil = x_floor + 1;
    const float left = x_ceil - x;
    const float right = x - x_floor;
    const float top = y_ceil - y;
    const float bottom = y - y_floor;
    const int64_t row = (int64_t) y_floor;
    const int64_t column = (int64_t) x_floor;
    if (channels == 3 && row >= 0 && row + 2 < height && column >= 0 && column + 1 < width
        && output_x + 1 < out_width) {
      // Inside, and not in the last row, so that a 4-wide read of a neighbour's 3 channels stays
      // in the image; not the row's last point, whose 4-wide write would leave the row. Each lane
      // computes what the loop below does, in the same order.
      const float* p00 = source + (row * width + column) * 3;
      const float* p10 = p00 + width * 3;
      const __m128 value_yfloor = _mm_add_ps(_mm_mul_ps(_mm_set1_ps(left), _mm_loadu_ps(p00)),
          _mm_mul_ps(_mm_set1_ps(right), _mm_loadu_ps(p00 + 3)));
      const __m128 value_yceil = _mm_add_ps(_mm_mul_ps(_mm_set1_ps(left), _mm_loadu_ps(p10)),
          _mm_mul_ps(_mm_set1_ps(right), _mm_loadu_ps(p10 + 3)));
      _mm_storeu_ps(result, _mm_add_ps(_mm_mul_ps(_mm_set1_ps(top), value_yfloor),
          _mm_mul_ps(_mm_set1_ps(bottom), value_yceil)));
      continue;
    }
    if (row >= 0 && row + 1 < height && column >= 0 && column + 1 < width) {
      // Inside: the four neighbours exist (most points).
      const float* p00 = source + (row * width + column) * channels;
      const float* p10 = p00 + width * channels;
      for (int64_t c = 0; c < channels; c++) {
        const float value_yfloor = left * p00[c] + right * p00[channels + c];
        const float value_yceil = left * p10[c] + right * p10[channels + c];
        result[c] = top * value_yfloor + bottom * value_yceil;
      }
      continue;
    }
    const float* p00 = pixel(source, height, width, channels, row, column);
    const float* p01 = pixel(source, height, width, channels, row, column + 1);
    const float* p10 = pixel(source, height, width, channels, row + 1, column);
    const float* p11 = pixel(source, height, width, channels, row + 1, column + 1);
    for (int64_t c = 0; c < channels; c++) {
      const float value_yfloor = left * (p00 != NULL ? p00[c] : fill)
          + right * (p01 != NULL ? p01[c] : fill);
      const float value_yceil = left * (p10 != NULL ? p10[c] : fill)
          + right * (p11 != NULL ? p11[c] : fill);
      result[c] = top * value_yfloor + bottom * value_yceil;
    }
  }
}

/* A warp's parameters, for the rows that fv_parallel_rows hands out. */
typedef struct {
  const float* image;
  int64_t height, width, channels;
  const float* transforms;
  int shared_transform;
  float fill;
  int bilinear;
  enum fill_mode mode;
  int64_t out_height, out_width;
  float* out;
  int failed; /* atomic */
} warp_rows_context;

/* Output rows [first, end) over the whole batch. */
static void warp_rows(void* context, int64_t first, int64_t end) {
  warp_rows_context* w = context;
  float* xs = malloc(2 * (size_t) w->out_width * sizeof(float));
  if (xs == NULL) {
    __atomic_store_n(&w->failed, 1, __ATOMIC_RELAXED);
    return;
  }
  float* ys = xs + w->out_width;
  const int64_t channels = w->channels;
  for (int64_t r = first; r < end; r++) {
    const int64_t b = r / w->out_height;
    const int64_t output_y = r % w->out_height;
    const float* t = w->shared_transform ? w->transforms : w->transforms + 8 * b;
    const float* source = w->image + b * w->height * w->width * channels;
    float* row = w->out + r * w->out_width * channels;
    // RGB images get a copy of the row loop with the channel count known to the compiler.
    if (channels == 3) {
      warp_row(source, w->height, w->width, 3, t, w->fill, w->bilinear, w->mode, output_y,
          w->out_width, xs, ys, row);
    } else {
      warp_row(source, w->height, w->width, channels, t, w->fill, w->bilinear, w->mode,
          output_y, w->out_width, xs, ys, row);
    }
  }
  free(xs);
}

int fv_projective_warp(const float* image, int64_t batch, int64_t height, int64_t width,
    int64_t channels, const float* transforms, int shared_transform, float fill, int bilinear,
    int fill_mode, int64_t out_height, int64_t out_width, float* out) {
  warp_rows_context w = {image, height, width, channels, transforms, shared_transform, fill,
      bilinear, (enum fill_mode) fill_mode, out_height, out_width, out, 0};
  // The warp is alone on a render step's critical path, so it takes the cores itself; each
  // row's values do not depend on which thread writes it.
  const int64_t rows = batch * out_height;
  fv_parallel_rows(rows, ROWS_PER_CLAIM, rows * out_width >= MIN_SHARED_POINTS, warp_rows, &w);
  return w.failed ? -1 : 0;
}

void fv_register_projective_warp(TF_Status* status) {
  TF_KernelBuilder* builder = TF_NewKernelBuilder("ImageProjectiveTransformV3", "CPU",
      warp_create, warp_compute, free);
  TF_KernelBuilder_TypeConstraint(builder, "dtype", FV_TF_FLOAT, status);
  if (TF_GetCode(status) != FV_TF_OK) {
    return;
  }
  TF_KernelBuilder_Label(builder, FV_KERNEL_LABEL);
  TF_RegisterKernelBuilder("FvImageProjectiveTransformV3", builder, status);
}
