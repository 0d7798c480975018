/*
 * The part of TensorFlow's C kernel and op API (tensorflow/c/kernels.h, ops.h, tf_tensor.h,
 * tf_status.h) that the engine's kernels use, declared here because no registry serves
 * TensorFlow's headers. The functions are exported by libtensorflow_framework.so.2, which the
 * library links against by name and finds already loaded in the process.
 */
#ifndef FV_TF_KERNEL_API_H
#define FV_TF_KERNEL_API_H

#include <stddef.h>
#include <stdint.h>

typedef struct TF_Status TF_Status;
typedef struct TF_Tensor TF_Tensor;
typedef struct TF_KernelBuilder TF_KernelBuilder;
typedef struct TF_OpKernelConstruction TF_OpKernelConstruction;
typedef struct TF_OpKernelContext TF_OpKernelContext;
typedef struct TF_OpDefinitionBuilder TF_OpDefinitionBuilder;
typedef struct TF_ShapeInferenceContext TF_ShapeInferenceContext;
typedef struct TF_ShapeHandle TF_ShapeHandle;

/* TF_DataType and TF_Code values, as TensorFlow numbers them. */
enum { FV_TF_FLOAT = 1, FV_TF_INT32 = 3, FV_TF_COMPLEX64 = 8 };
enum { FV_TF_OK = 0, FV_TF_INVALID_ARGUMENT = 3, FV_TF_RESOURCE_EXHAUSTED = 8 };

TF_Status* TF_NewStatus(void);
void TF_DeleteStatus(TF_Status* status);
void TF_SetStatus(TF_Status* status, int code, const char* message);
int TF_GetCode(const TF_Status* status);

TF_KernelBuilder* TF_NewKernelBuilder(const char* op_name, const char* device_name,
    void* (*create)(TF_OpKernelConstruction*), void (*compute)(void*, TF_OpKernelContext*),
    void (*destroy)(void*));
void TF_KernelBuilder_TypeConstraint(TF_KernelBuilder* builder, const char* attr_name,
    int type, TF_Status* status);
void TF_KernelBuilder_HostMemory(TF_KernelBuilder* builder, const char* arg_name);
void TF_KernelBuilder_Label(TF_KernelBuilder* builder, const char* label);
void TF_RegisterKernelBuilder(const char* kernel_name, TF_KernelBuilder* builder,
    TF_Status* status);

void TF_OpKernelConstruction_GetAttrString(TF_OpKernelConstruction* ctx, const char* attr_name,
    char* value, size_t max_length, TF_Status* status);
void TF_OpKernelConstruction_GetAttrSize(TF_OpKernelConstruction* ctx, const char* attr_name,
    int32_t* list_size, int32_t* total_size, TF_Status* status);
void TF_OpKernelConstruction_GetAttrFloatList(TF_OpKernelConstruction* ctx,
    const char* attr_name, float* values, int max_values, TF_Status* status);
void TF_OpKernelConstruction_Failure(TF_OpKernelConstruction* ctx, TF_Status* status);

int TF_NumInputs(TF_OpKernelContext* ctx);
void TF_GetInput(TF_OpKernelContext* ctx, int index, TF_Tensor** tensor, TF_Status* status);
TF_Tensor* TF_AllocateOutput(TF_OpKernelContext* ctx, int index, int dtype,
    const int64_t* dims, int num_dims, size_t length, TF_Status* status);
/* Output index's tensor in the buffer of one of the candidate inputs where nothing else holds
 * it (*forwarded_input names which, or is -1), else newly allocated. */
TF_Tensor* TF_ForwardInputOrAllocateOutput(TF_OpKernelContext* ctx,
    const int* candidate_input_indices, int num_candidate_input_indices, int output_index,
    const int64_t* output_dims, int output_num_dims, int* forwarded_input, TF_Status* status);
void TF_OpKernelContext_Failure(TF_OpKernelContext* ctx, TF_Status* status);

int TF_NumDims(const TF_Tensor* tensor);
int64_t TF_Dim(const TF_Tensor* tensor, int index);
void* TF_TensorData(const TF_Tensor* tensor);
int64_t TF_TensorElementCount(const TF_Tensor* tensor);
void TF_DeleteTensor(TF_Tensor* tensor);

TF_OpDefinitionBuilder* TF_NewOpDefinitionBuilder(const char* op_name);
void TF_OpDefinitionBuilderAddInput(TF_OpDefinitionBuilder* builder, const char* input_spec);
void TF_OpDefinitionBuilderAddOutput(TF_OpDefinitionBuilder* builder, const char* output_spec);
void TF_OpDefinitionBuilderAddAttr(TF_OpDefinitionBuilder* builder, const char* attr_spec);
void TF_OpDefinitionBuilderSetShapeInferenceFunction(TF_OpDefinitionBuilder* builder,
    void (*shape_inference_func)(TF_ShapeInferenceContext* ctx, TF_Status* status));
/* Takes the builder. */
void TF_RegisterOpDefinition(TF_OpDefinitionBuilder* builder, TF_Status* status);

TF_ShapeHandle* TF_NewShapeHandle(void);
void TF_DeleteShapeHandle(TF_ShapeHandle* handle);
void TF_ShapeInferenceContextGetInput(TF_ShapeInferenceContext* ctx, int i,
    TF_ShapeHandle* handle, TF_Status* status);
void TF_ShapeInferenceContextSetOutput(TF_ShapeInferenceContext* ctx, int i,
    TF_ShapeHandle* handle, TF_Status* status);
void TF_ShapeInferenceContextWithRank(TF_ShapeInferenceContext* ctx, TF_ShapeHandle* handle,
    int64_t rank, TF_ShapeHandle* result, TF_Status* status);
void TF_ShapeInferenceContextSubshape(TF_ShapeInferenceContext* ctx, TF_ShapeHandle* handle,
    int64_t start, int64_t end, TF_ShapeHandle* result, TF_Status* status);
void TF_ShapeInferenceContextConcatenateShapes(TF_ShapeInferenceContext* ctx,
    TF_ShapeHandle* first, TF_ShapeHandle* second, TF_ShapeHandle* result, TF_Status* status);

#endif
