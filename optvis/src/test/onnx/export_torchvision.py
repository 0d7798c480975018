"""Exports torchvision classifiers of different families to ONNX for the importer's fidelity test.

Weights are random but not degenerate: torchvision's own initialization leaves zeroed or
near-identity pieces (ConvNeXt's layer scale of 1e-6, zero classifier biases, BatchNorm at
identity), so every normalization layer gets random scales and shifts, BatchNorm statistics are
calibrated on a few batches in train mode, and the classifier is scaled so that the logits spread
out. Everything is seeded: two runs write the same files.

Each model goes to <out>/<name>/: model.onnx, input.bin (the test image, float32 little-endian
NCHW, already normalized with torchvision's ImageNet mean and std), torch_logits.bin (what torch
computes on it, float32) and export.json (how it was exported).

usage: python3 export_torchvision.py <out dir> [name ...]
"""
import json
import os
import sys

import torch
import torchvision
from torch import nn

MEAN = torch.tensor([0.485, 0.456, 0.406]).view(1, 3, 1, 1)
STD = torch.tensor([0.229, 0.224, 0.225]).view(1, 3, 1, 1)
SEED = 20240917
CALIBRATION_BATCHES = 4
CALIBRATION_BATCH_SIZE = 8
LOGITS_STD = 3.0

# name: (input size, opset, constant folding, output names). Sizes are small but not all powers
# of two (odd feature maps exercise padding and ceil modes); the opsets span 11 to 17 (17 is
# torch 1.13's newest and the first with LayerNormalization); two exports keep their shape
# arithmetic (Shape, Gather, Concat, ...) unfolded; some keep the exporter's own output name.
MODELS = {
    "resnet18": (96, 11, True, ["logits"]),
    "densenet121": (64, 13, True, None),
    "shufflenet_v2_x1_0": (96, 13, False, None),
    "regnet_y_400mf": (64, 15, True, None),
    "convnext_tiny": (64, 17, True, ["logits"]),
    "mobilenet_v3_small": (96, 14, False, None),
    "efficientnet_b0": (64, 12, True, None),
}


def smooth_images(generator, count, size):
    """Random smooth RGB images in [0, 1] (octaves of upsampled noise), normalized like ImageNet."""
    image = torch.zeros(count, 3, size, size)
    for octave, cells in enumerate((4, 8, 16, 32)):
        noise = torch.rand(count, 3, cells, cells, generator=generator)
        up = nn.functional.interpolate(noise, size=(size, size), mode="bilinear", align_corners=False)
        image += up / 2 ** octave
    low = image.amin(dim=(1, 2, 3), keepdim=True)
    high = image.amax(dim=(1, 2, 3), keepdim=True)
    return ((image - low) / (high - low) - MEAN) / STD


def randomize_normalizations(model, generator):
    """Random scales and shifts for every norm layer, and a real layer scale for ConvNeXt blocks."""
    for module in model.modules():
        if isinstance(module, (nn.BatchNorm2d, nn.LayerNorm)) and module.weight is not None:
            shape = module.weight.shape
            module.weight.data = 0.5 + torch.rand(shape, generator=generator)
            module.bias.data = 0.2 * torch.randn(shape, generator=generator)
        if isinstance(module, nn.BatchNorm2d):
            module.reset_running_stats()
            module.momentum = None  # cumulative average over the calibration batches
        if isinstance(module, torchvision.models.convnext.CNBlock):
            shape = module.layer_scale.shape
            module.layer_scale.data = 0.2 + 0.4 * torch.rand(shape, generator=generator)


def calibrate(model, generator, size):
    """Running BatchNorm statistics from a few batches of images like the test image."""
    model.train()
    with torch.no_grad():
        for _ in range(CALIBRATION_BATCHES):
            model(smooth_images(generator, CALIBRATION_BATCH_SIZE, size))
    model.eval()


def spread_logits(model, generator, image):
    """Scales the classifier so that the image's logits have a standard deviation of LOGITS_STD
    across classes, nearly all of it from the input (random nets vary a lot between images)."""
    classifier = [module for module in model.modules() if isinstance(module, nn.Linear)][-1]
    classifier.bias.data = 0.1 * torch.randn(classifier.bias.shape, generator=generator)
    with torch.no_grad():
        spread = (model(image) - classifier.bias).std()
    classifier.weight.data *= LOGITS_STD / spread


def write_floats(path, tensor):
    with open(path, "wb") as file:
        file.write(tensor.detach().contiguous().numpy().astype("<f4").tobytes())


def export(name, out_dir):
    size, opset, folding, output_names = MODELS[name]
    torch.manual_seed(SEED)
    generator = torch.Generator().manual_seed(SEED)
    model = getattr(torchvision.models, name)(weights=None)
    randomize_normalizations(model, generator)
    calibrate(model, generator, size)
    image = smooth_images(generator, 1, size)
    spread_logits(model, generator, image)
    with torch.no_grad():
        logits = model(image)

    model_dir = os.path.join(out_dir, name)
    os.makedirs(model_dir, exist_ok=True)
    torch.onnx.export(model, image, os.path.join(model_dir, "model.onnx"), opset_version=opset,
                      do_constant_folding=folding, input_names=["input"], output_names=output_names)
    write_floats(os.path.join(model_dir, "input.bin"), image)
    write_floats(os.path.join(model_dir, "torch_logits.bin"), logits)
    description = {
        "model": f"torchvision.models.{name}, random weights (seed {SEED}), eval mode",
        "torch": torch.__version__,
        "torchvision": torchvision.__version__,
        "opset": opset,
        "do_constant_folding": folding,
        "input_size": size,
        "input_shape": list(image.shape),
        "input": "input.bin",
        "normalization": {"mean": MEAN.flatten().tolist(), "std": STD.flatten().tolist()},
        "torch_logits": "torch_logits.bin",
        "logits_std": logits.std().item(),
    }
    with open(os.path.join(model_dir, "export.json"), "w") as file:
        json.dump(description, file, indent=2)
    print(f"{name}: {size} px, opset {opset}, folding {folding}, logits std {logits.std():.3f}")


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    torch.set_num_threads(os.cpu_count() or 1)
    for name in sys.argv[2:] or MODELS:
        export(name, sys.argv[1])


if __name__ == "__main__":
    main()
