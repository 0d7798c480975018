/*
 * FvMixPlanes and FvMixPlanesGrad: a 3x3 colour matrix applied to an image stored as three
 * planes ([B, 3, H, W], as the Fourier basis's inverse FFT yields it), written as interleaved
 * pixels ([B, H, W, 3], as the network reads them), and its gradient, planes from pixels. One
 * pass each way where TensorFlow's ops take three (transpose, matrix product and their
 * gradients).
 *
 * Every value is the sum that MixPlanes's stock-op graph computes (a product broadcast over the
 * channels, reduced by TensorFlow's Sum), in its order: out_c = ((0 + A[c][0] * p_0) +
 * A[c][1] * p_1) + A[c][2] * p_2, and the gradient d p_j = ((0 + A[0][j] * g_0) + A[1][j] * g_1)
 * + A[2][j] * g_2, so that both give the same bits (MixPlanesKernelTest). No fused multiply-add
 * (build.sh).
 */
#include <stdlib.h>

#include "fv_kernels.h"
#include "tf_kernel_api.h"

enum { CHANNELS = 3 };

/* The coefficients of out_c = sum_j a[c][j] in_j. */
typedef struct {
  float a[CHANNELS][CHANNELS];
} mix;

/* The matrix as given, or transposed: the gradient's out_j = sum_c A[c][j] in_c. */
static void mix_terms(const float* matrix, int transposed, mix* terms) {
  for (int out = 0; out < CHANNELS; out++) {
    for (int in = 0; in < CHANNELS; in++) {
      terms->a[out][in] = transposed ? matrix[in * CHANNELS + out] : matrix[out * CHANNELS + in];
    }
  }
}

/* Pixels per chunk: a chunk's three channels stay in the L1 cache between the passes. */
enum { CHUNK = 512 };

/*
 * out[c][i] = the sum over j of a[c][j] * in[j][i], from zero, for i < length; a channel at a
 * time, so that each loop is a plain vector loop.
 */
static void mix_chunk(const mix* terms, const float* const in[CHANNELS],
    float* const out[CHANNELS], int64_t length) {
  for (int c = 0; c < CHANNELS; c++) {
    float* restrict sum = out[c];
    for (int64_t i = 0; i < length; i++) {
      sum[i] = 0.0f;
    }
    for (int j = 0; j < CHANNELS; j++) {
      const float a = terms->a[c][j];
      const float* restrict term = in[j];
      for (int64_t i = 0; i < length; i++) {
        sum[i] = sum[i] + a * term[i];
      }
    }
  }
}

/* One image: planes to pixels, or pixels to planes (to_planes), a chunk at a time. */
static void mix_image(const mix* terms, const float* in, float* out, int64_t area,
    int to_planes) {
  float buffer[CHANNELS][CHUNK];
  for (int64_t start = 0; start < area; start += CHUNK) {
    const int64_t length = area - start < CHUNK ? area - start : CHUNK;
    if (to_planes) {
      const float* restrict pixels = in + start * CHANNELS;
      for (int64_t i = 0; i < length; i++) {
        for (int c = 0; c < CHANNELS; c++) {
          buffer[c][i] = pixels[i * CHANNELS + c];
        }
      }
      const float* const sources[CHANNELS] = {buffer[0], buffer[1], buffer[2]};
      float* const planes[CHANNELS] = {out + start, out + area + start, out + 2 * area + start};
      mix_chunk(terms, sources, planes, length);
    } else {
      const float* const planes[CHANNELS] = {in + start, in + area + start,
          in + 2 * area + start};
      float* const sums[CHANNELS] = {buffer[0], buffer[1], buffer[2]};
      mix_chunk(terms, planes, sums, length);
      float* restrict pixels = out + start * CHANNELS;
      for (int64_t i = 0; i < length; i++) {
        for (int c = 0; c < CHANNELS; c++) {
          pixels[i * CHANNELS + c] = buffer[c][i];
        }
      }
    }
  }
}

static void* mix_create(TF_OpKernelConstruction* ctx) {
  TF_Status* status = TF_NewStatus();
  float matrix[CHANNELS * CHANNELS];
  int32_t size = 0;
  int32_t total = 0;
  TF_OpKernelConstruction_GetAttrSize(ctx, "matrix", &size, &total, status);
  if (TF_GetCode(status) == FV_TF_OK && size != CHANNELS * CHANNELS) {
    TF_SetStatus(status, FV_TF_INVALID_ARGUMENT, "matrix must hold 9 values (3x3, row major)");
  }
  if (TF_GetCode(status) == FV_TF_OK) {
    TF_OpKernelConstruction_GetAttrFloatList(ctx, "matrix", matrix, CHANNELS * CHANNELS, status);
  }
  float* kept = NULL;
  if (TF_GetCode(status) == FV_TF_OK) {
    kept = malloc(sizeof matrix);
    if (kept == NULL) {
      TF_SetStatus(status, FV_TF_RESOURCE_EXHAUSTED, "no memory for the colour kernel");
    } else {
      for (int i = 0; i < CHANNELS * CHANNELS; i++) {
        kept[i] = matrix[i];
      }
    }
  }
  if (TF_GetCode(status) != FV_TF_OK) {
    TF_OpKernelConstruction_Failure(ctx, status);
  }
  TF_DeleteStatus(status);
  return kept;
}

/* [B, 3, H, W] planes to [B, H, W, 3] pixels, or back (to_planes), through the matrix. */
static void mix_compute(const float* matrix, TF_OpKernelContext* ctx, int to_planes) {
  TF_Status* status = TF_NewStatus();
  TF_Tensor* input = NULL;
  TF_Tensor* output = NULL;
  TF_GetInput(ctx, 0, &input, status);
  if (TF_GetCode(status) == FV_TF_OK && (TF_NumDims(input) != 4
      || TF_Dim(input, to_planes ? 3 : 1) != CHANNELS)) {
    TF_SetStatus(status, FV_TF_INVALID_ARGUMENT, to_planes
        ? "pixels must be [batch, height, width, 3]" : "planes must be [batch, 3, height, width]");
  }
  if (TF_GetCode(status) == FV_TF_OK) {
    const int64_t batch = TF_Dim(input, 0);
    const int64_t height = TF_Dim(input, to_planes ? 1 : 2);
    const int64_t width = TF_Dim(input, to_planes ? 2 : 3);
    const int64_t planes_dims[4] = {batch, CHANNELS, height, width};
    const int64_t pixels_dims[4] = {batch, height, width, CHANNELS};
    const int64_t count = batch * CHANNELS * height * width;
    output = TF_AllocateOutput(ctx, 0, FV_TF_FLOAT, to_planes ? planes_dims : pixels_dims, 4,
        (size_t) count * sizeof(float), status);
    if (TF_GetCode(status) == FV_TF_OK && count > 0) {
      mix terms;
      mix_terms(matrix, to_planes, &terms);
      const float* in = TF_TensorData(input);
      float* out = TF_TensorData(output);
      const int64_t area = height * width;
      for (int64_t b = 0; b < batch; b++) {
        mix_image(&terms, in + b * CHANNELS * area, out + b * CHANNELS * area, area, to_planes);
      }
    }
  }
  if (TF_GetCode(status) != FV_TF_OK) {
    TF_OpKernelContext_Failure(ctx, status);
  }
  if (input != NULL) {
    TF_DeleteTensor(input);
  }
  if (output != NULL) {
    TF_DeleteTensor(output);
  }
  TF_DeleteStatus(status);
}

static void to_pixels(void* kernel, TF_OpKernelContext* ctx) {
  mix_compute(kernel, ctx, 0);
}

static void to_planes(void* kernel, TF_OpKernelContext* ctx) {
  mix_compute(kernel, ctx, 1);
}

/* Output shape: the input's dimensions in the order given (a permutation of 0..3). */
static void permuted_shape(TF_ShapeInferenceContext* ctx, TF_Status* status, const int order[4]) {
  TF_ShapeHandle* given = TF_NewShapeHandle();
  TF_ShapeHandle* input = TF_NewShapeHandle();
  TF_ShapeHandle* shape = TF_NewShapeHandle();
  TF_ShapeHandle* dim = TF_NewShapeHandle();
  TF_ShapeInferenceContextGetInput(ctx, 0, given, status);
  if (TF_GetCode(status) == FV_TF_OK) {
    TF_ShapeInferenceContextWithRank(ctx, given, 4, input, status);
  }
  if (TF_GetCode(status) == FV_TF_OK) {
    TF_ShapeInferenceContextSubshape(ctx, input, order[0], order[0] + 1, shape, status);
  }
  for (int i = 1; i < 4 && TF_GetCode(status) == FV_TF_OK; i++) {
    TF_ShapeInferenceContextSubshape(ctx, input, order[i], order[i] + 1, dim, status);
    if (TF_GetCode(status) == FV_TF_OK) {
      TF_ShapeInferenceContextConcatenateShapes(ctx, shape, dim, shape, status);
    }
  }
  if (TF_GetCode(status) == FV_TF_OK) {
    TF_ShapeInferenceContextSetOutput(ctx, 0, shape, status);
  }
  TF_DeleteShapeHandle(dim);
  TF_DeleteShapeHandle(shape);
  TF_DeleteShapeHandle(input);
  TF_DeleteShapeHandle(given);
}

static void pixels_shape(TF_ShapeInferenceContext* ctx, TF_Status* status) {
  static const int order[4] = {0, 2, 3, 1};
  permuted_shape(ctx, status, order);
}

static void planes_shape(TF_ShapeInferenceContext* ctx, TF_Status* status) {
  static const int order[4] = {0, 3, 1, 2};
  permuted_shape(ctx, status, order);
}

static void register_op(const char* name, const char* input, const char* output,
    void (*shape)(TF_ShapeInferenceContext*, TF_Status*),
    void (*compute)(void*, TF_OpKernelContext*), TF_Status* status) {
  TF_OpDefinitionBuilder* op = TF_NewOpDefinitionBuilder(name);
  TF_OpDefinitionBuilderAddInput(op, input);
  TF_OpDefinitionBuilderAddOutput(op, output);
  TF_OpDefinitionBuilderAddAttr(op, "matrix: list(float)");
  TF_OpDefinitionBuilderSetShapeInferenceFunction(op, shape);
  TF_RegisterOpDefinition(op, status);
  if (TF_GetCode(status) != FV_TF_OK) {
    return;
  }
  TF_KernelBuilder* builder = TF_NewKernelBuilder(name, "CPU", mix_create, compute, free);
  TF_RegisterKernelBuilder(name, builder, status);
}

void fv_register_mix_planes(TF_Status* status) {
  register_op("FvMixPlanes", "planes: float", "pixels: float", pixels_shape, to_pixels, status);
  if (TF_GetCode(status) == FV_TF_OK) {
    register_op("FvMixPlanesGrad", "pixels: float", "planes: float", planes_shape, to_planes,
        status);
  }
}
