#!/usr/bin/env bash
# Builds the engine's TensorFlow kernels (libfvkernels.so) into the folder $1, for the class
# path. Without a C compiler, or where it fails, it builds nothing and says so, without failing
# the build: the engine then runs TensorFlow's own kernels, which give the same bytes, more
# slowly (ProjectiveWarpKernelTest fails where a compiler is on the path but no library came
# out). Rebuilds only when a source is newer.
set -euo pipefail
out="$1"
here="$(cd "$(dirname "$0")" && pwd)"
lib="$out/libfvkernels.so"
cc="${CC:-gcc}"
if ! command -v "$cc" > /dev/null; then
  echo "fv kernels: no C compiler ($cc); the engine will use TensorFlow's kernels (slower)"
  exit 0
fi
if [ -f "$lib" ] && [ -z "$(find "$here" -newer "$lib" -type f)" ]; then
  exit 0
fi
mkdir -p "$out"
stub="$(mktemp -d)"
trap 'rm -rf "$stub"' EXIT
# The kernel API lives in TensorFlow's framework library, which the JVM has loaded by the time
# this library is. An empty library of that name lets the linker record the dependency, so
# that the loader resolves the API in the loaded one; TensorFlow's 50 MB needn't be unpacked.
echo > "$stub/empty.c"
# -mavx: TensorFlow's own build needs AVX. No fused multiply-add (-ffp-contract=off, no -mfma):
# the kernels repeat the stock kernels' roundings exactly.
if "$cc" -shared -fPIC -Wl,-soname,libtensorflow_framework.so.2 \
      -o "$stub/libtensorflow_framework.so.2" "$stub/empty.c" \
    && "$cc" -O3 -mavx -ffp-contract=off -fno-math-errno -fPIC -shared -pthread -Wall -Wextra \
      -o "$lib.part" "$here"/*.c -L"$stub" -Wl,--no-as-needed -l:libtensorflow_framework.so.2
then
  mv "$lib.part" "$lib"
  echo "fv kernels: built $lib"
else
  rm -f "$lib.part" "$lib"
  echo "fv kernels: $cc failed (above); the engine will use TensorFlow's kernels (slower)"
fi
