#!/usr/bin/env bash
# Makes the ONNX importer's fidelity fixtures (README.md here): exports torchvision models with
# torch, then runs them with onnxruntime-node. Idempotent: does nothing while the fixtures are
# newer than the scripts that make them.
#
# usage: make-fixtures.sh [out dir]      (default: optvis/target/onnx-fixtures)
#
# Needs Debian's python3-torch and python3-torchvision (installed with apt-get when missing and
# running as root) and node with npm. Without them it makes nothing and exits 0, so the Java test
# skips; with CI=true a missing fixture is a failure instead. The Maven build passes its
# -DskipTests and -Dmaven.test.skip as SKIP_TESTS and MAVEN_TEST_SKIP: no tests, no fixtures.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
out="$(realpath -m "${1:-$here/../../../target/onnx-fixtures}")"
index="$out/fixtures.json"
python="${ONNX_FIXTURES_PYTHON:-$( [[ -x /usr/bin/python3 ]] && echo /usr/bin/python3 || echo python3 )}"
SECONDS=0

say() { echo "onnx fixtures: $*"; }

unavailable() {
  if [[ "${CI:-}" == true ]]; then
    say "cannot be made: $* (CI=true: failing rather than letting the fidelity test skip)" >&2
    exit 1
  fi
  say "not made: $*; the ONNX fidelity test will skip"
  exit 0
}

if [[ "${SKIP_TESTS:-}" == true || "${MAVEN_TEST_SKIP:-}" == true ]]; then
  say "skipped with the tests"
  exit 0
fi

if [[ -f "$index" ]] && [[ -z "$(find "$here" -maxdepth 1 -type f -newer "$index" \
    \( -name '*.py' -o -name '*.js' -o -name '*.sh' -o -name package-lock.json \) -print -quit)" ]]; then
  say "up to date in $out"
  exit 0
fi

torch_present() { "$python" -c 'import torch, torchvision' 2>/dev/null; }
if ! torch_present; then
  if [[ "$(id -u)" == 0 ]] && command -v apt-get > /dev/null; then
    say "installing python3-torch and python3-torchvision with apt-get"
    apt-get update -q > /dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q python3-torch python3-torchvision > /dev/null
    say "installed in ${SECONDS}s"
  fi
  torch_present || unavailable "$python cannot import torch and torchvision (apt-get install python3-torch python3-torchvision, as root)"
fi
command -v node > /dev/null && command -v npm > /dev/null || unavailable "node and npm are not on the PATH"

if [[ ! "$here/node_modules/.package-lock.json" -nt "$here/package-lock.json" ]]; then
  # onnxruntime-node's install script fetches GPU providers from outside; its CPU binaries ship in the package
  (cd "$here" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error)
fi

# Built beside the old fixtures and swapped in whole, so a failed run leaves no half set.
rm -rf "$out.tmp"
mkdir -p "$out.tmp"
"$python" "$here/export_torchvision.py" "$out.tmp"
node "$here/reference.js" "$out.tmp"
rm -rf "$out"
mv "$out.tmp" "$out"

(cd "$out" && du -sch -- */)
say "made in ${SECONDS}s"
