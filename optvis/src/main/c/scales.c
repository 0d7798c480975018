/*
 * FvScale (x * scale, float tensors of one shape) and FvComplexScale (complex64 values times a
 * real factor per last-axis position): element-wise products in the input's buffer where
 * TensorFlow lets it go, shared between the threads as parallel.c does it. TensorFlow's Mul
 * deals a product of a few hundred thousand values out in halves to its threads, and the late
 * one holds it up. Each value is what Mul computes, the complex one as Mul of (f + 0i) with
 * (p + qi) does, (f p - 0 q) + (f q + 0 p) i: the same bits (ScalesKernelTest). No fused
 * multiply-add (build.sh).
 */
#include "fv_kernels.h"
#include "parallel.h"
#include "tf_kernel_api.h"

/* The input's tensor, its shape, and the output in its buffer or a new one. */
static int same_shape_output(TF_OpKernelContext* ctx, TF_Tensor** input, TF_Tensor** output,
    TF_Status* status) {
  TF_GetInput(ctx, 0, input, status);
  if (TF_GetCode(status) != FV_TF_OK) {
    return 0;
  }
  int64_t dims[8];
  const int rank = TF_NumDims(*input);
  if (rank > 8) {
    TF_SetStatus(status, FV_TF_INVALID_ARGUMENT, "at most 8 dimensions");
    return 0;
  }
  for (int i = 0; i < rank; i++) {
    dims[i] = TF_Dim(*input, i);
  }
  const int candidates[1] = {0};
  int forwarded = -1;
  *output = TF_ForwardInputOrAllocateOutput(ctx, candidates, 1, 0, dims, rank, &forwarded,
      status);
  return TF_GetCode(status) == FV_TF_OK;
}

static void finish(TF_OpKernelContext* ctx, TF_Status* status, TF_Tensor* a, TF_Tensor* b,
    TF_Tensor* out) {
  if (TF_GetCode(status) != FV_TF_OK) {
    TF_OpKernelContext_Failure(ctx, status);
  }
  TF_Tensor* tensors[3] = {a, b, out};
  for (int i = 0; i < 3; i++) {
    if (tensors[i] != NULL) {
      TF_DeleteTensor(tensors[i]);
    }
  }
  TF_DeleteStatus(status);
}

/*
 * Values per claim of a product: 64 KiB of each operand. Products of fewer than SHARED values
 * (a render's spectrum at batch 1 has 150528) are the caller's alone: waking a helper costs
 * more than it saves there.
 */
enum { CHUNK = 16384, SHARED = 262144 };

/* A product's operands: its input, the scales or factors, the output, and their length. */
typedef struct {
  const float* in; /* complex values as pairs, for FvComplexScale */
  const float* factor;
  float* out;
  int64_t length; /* FvScale: all the values; FvComplexScale: the factors */
} product;

/* Values [first * CHUNK, end * CHUNK) of y = x * scale. */
static void scale_chunks(void* context, int64_t first, int64_t end) {
  const product* c = context;
  const int64_t stop = end * CHUNK < c->length ? end * CHUNK : c->length;
  for (int64_t i = first * CHUNK; i < stop; i++) {
    c->out[i] = c->in[i] * c->factor[i];
  }
}

/* Rows [first, end) of the last axis's complex values times their factors. */
static void complex_scale_rows(void* context, int64_t first, int64_t end) {
  const product* c = context;
  for (int64_t r = first; r < end; r++) {
    const float* row = c->in + 2 * r * c->length;
    float* target = c->out + 2 * r * c->length;
    for (int64_t i = 0; i < c->length; i++) {
      const float p = row[2 * i];
      const float q = row[2 * i + 1];
      target[2 * i] = c->factor[i] * p - 0.0f * q;
      target[2 * i + 1] = c->factor[i] * q + 0.0f * p;
    }
  }
}

static void scale_compute(void* kernel, TF_OpKernelContext* ctx) {
  (void) kernel;
  TF_Status* status = TF_NewStatus();
  TF_Tensor* x = NULL;
  TF_Tensor* scale = NULL;
  TF_Tensor* y = NULL;
  TF_GetInput(ctx, 1, &scale, status);
  if (TF_GetCode(status) == FV_TF_OK && same_shape_output(ctx, &x, &y, status)) {
    int same = TF_NumDims(x) == TF_NumDims(scale);
    for (int i = 0; same && i < TF_NumDims(x); i++) {
      same = TF_Dim(x, i) == TF_Dim(scale, i);
    }
    if (!same) {
      TF_SetStatus(status, FV_TF_INVALID_ARGUMENT, "x and scale must have the same shape");
    } else {
      product c = {TF_TensorData(x), TF_TensorData(scale), TF_TensorData(y),
          TF_TensorElementCount(x)};
      fv_parallel_rows((c.length + CHUNK - 1) / CHUNK, 1, c.length >= SHARED, scale_chunks, &c);
    }
  }
  finish(ctx, status, x, scale, y);
}

static void complex_scale_compute(void* kernel, TF_OpKernelContext* ctx) {
  (void) kernel;
  TF_Status* status = TF_NewStatus();
  TF_Tensor* z = NULL;
  TF_Tensor* factor = NULL;
  TF_Tensor* y = NULL;
  TF_GetInput(ctx, 1, &factor, status);
  if (TF_GetCode(status) == FV_TF_OK && same_shape_output(ctx, &z, &y, status)) {
    const int rank = TF_NumDims(z);
    if (rank < 1 || TF_NumDims(factor) != 1 || TF_Dim(factor, 0) != TF_Dim(z, rank - 1)) {
      TF_SetStatus(status, FV_TF_INVALID_ARGUMENT,
          "factor must be 1-D, as long as z's last dimension");
    } else {
      const int64_t columns = TF_Dim(factor, 0);
      product c = {TF_TensorData(z), TF_TensorData(factor), TF_TensorData(y), columns};
      const int64_t rows = columns == 0 ? 0 : TF_TensorElementCount(z) / columns;
      fv_parallel_rows(rows, CHUNK / (2 * columns) + 1, 2 * rows * columns >= SHARED,
          complex_scale_rows, &c);
    }
  }
  finish(ctx, status, z, factor, y);
}

static void same_shape(TF_ShapeInferenceContext* ctx, TF_Status* status) {
  TF_ShapeHandle* shape = TF_NewShapeHandle();
  TF_ShapeInferenceContextGetInput(ctx, 0, shape, status);
  if (TF_GetCode(status) == FV_TF_OK) {
    TF_ShapeInferenceContextSetOutput(ctx, 0, shape, status);
  }
  TF_DeleteShapeHandle(shape);
}

static void register_product(const char* name, const char* first, const char* second,
    const char* output, void (*compute)(void*, TF_OpKernelContext*), TF_Status* status) {
  TF_OpDefinitionBuilder* op = TF_NewOpDefinitionBuilder(name);
  TF_OpDefinitionBuilderAddInput(op, first);
  TF_OpDefinitionBuilderAddInput(op, second);
  TF_OpDefinitionBuilderAddOutput(op, output);
  TF_OpDefinitionBuilderSetShapeInferenceFunction(op, same_shape);
  TF_RegisterOpDefinition(op, status);
  if (TF_GetCode(status) == FV_TF_OK) {
    TF_RegisterKernelBuilder(name, TF_NewKernelBuilder(name, "CPU", NULL, compute, NULL),
        status);
  }
}

void fv_register_scales(TF_Status* status) {
  register_product("FvScale", "x: float", "scale: float", "y: float", scale_compute, status);
  if (TF_GetCode(status) == FV_TF_OK) {
    register_product("FvComplexScale", "z: complex64", "factor: float", "y: complex64",
        complex_scale_compute, status);
  }
}
