/*
 * FvMixPlanes and FvMixPlanesGrad: a 3x3 colour matrix applied to an image stored as three
 * planes ([B, 3, H, W], as the Fourier basis's inverse FFT yields it), written as interleaved
 * pixels ([B, H, W, 3], as the network reads them), and its gradient, planes from pixels: one
 * pass each way where TensorFlow's ops take two (a transpose and a matrix product).
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

/*
 * One image: planes to pixels, or pixels to planes (to_planes). A pixel at a time with the
 * coefficients in registers: gcc vectorizes both loops (8 pixels to a vector).
 */
static void mix_image(const mix* terms, const float* restrict in, float* restrict out,
    int64_t area, int to_planes) {
  const float a00 = terms->a[0][0], a01 = terms->a[0][1], a02 = terms->a[0][2];
  const float a10 = terms->a[1][0], a11 = terms->a[1][1], a12 = terms->a[1][2];
  const float a20 = terms->a[2][0], a21 = terms->a[2][1], a22 = terms->a[2][2];
  if (to_planes) {
    float* restrict plane0 = out;
    float* restrict plane1 = out + area;
    float* restrict plane2 = out + 2 * area;
    for (int64_t i = 0; i < area; i++) {
      const float v0 = in[i * CHANNELS], v1 = in[i * CHANNELS + 1], v2 = in[i * CHANNELS + 2];
      plane0[i] = ((0.0f + a00 * v0) + a01 * v1) + a02 * v2;
      plane1[i] = ((0.0f + a10 * v0) + a11 * v1) + a12 * v2;
      plane2[i] = ((0.0f + a20 * v0) + a21 * v1) + a22 * v2;
    }
  } else {
    const float* restrict plane0 = in;
    const float* restrict plane1 = in + area;
    const float* restrict plane2 = in + 2 * area;
    for (int64_t i = 0; i < area; i++) {
      const float v0 = plane0[i], v1 = plane1[i], v2 = plane2[i];
      out[i * CHANNELS] = ((0.0f + a00 * v0) + a01 * v1) + a02 * v2;
      out[i * CHANNELS + 1] = ((0.0f + a10 * v0) + a11 * v1) + a12 * v2;
      out[i * CHANNELS + 2] = ((0.0f + a20 * v0) + a21 * v1) + a22 * v2;
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
