#!/usr/bin/env bash
# Refreshes the vendored PDF.js (Apache-2.0) in src/KnowledgeBase.Web/wwwroot/lib/pdfjs from the npm registry.
# The app serves it itself: no CDN, so the viewer works on an intranet with no internet.
#
# Usage: scripts/vendor-pdfjs.sh                    the pinned version, checked against its pinned sha256
#        scripts/vendor-pdfjs.sh VERSION SHA256     another version: give the sha256 of its npm tarball
#                                                   (pdfjs-dist-VERSION.tgz) and pin both below once reviewed
#
# The tarball's sha256 must match before anything is replaced; on any failure the vendored copy is left as it was.
set -euo pipefail

pinned_version=6.5.438
pinned_sha256=7461aefcd27c4ef0dd76f9ca5760f09466eb6b3f934432670c12132e7b3d6faa

fail() {
  echo "vendor-pdfjs: $*" >&2
  exit 1
}

case $# in
  0) version=$pinned_version; sha256=$pinned_sha256 ;;
  2) version=$1; sha256=$2 ;;
  *) fail "usage: $0 [VERSION SHA256] (no arguments: pdfjs-dist $pinned_version)" ;;
esac
[[ $sha256 =~ ^[0-9a-f]{64}$ ]] || fail "'$sha256' is not a sha256 (64 lower-case hex digits)"

for tool in npm tar sha256sum; do
  command -v "$tool" >/dev/null 2>&1 || fail "$tool is needed and was not found"
done

cd "$(dirname "$0")/.."
target=src/KnowledgeBase.Web/wwwroot/lib/pdfjs
[ -d "$(dirname "$target")" ] || fail "$(dirname "$target") not found: run from a KnowledgeBase clone"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

tarball="pdfjs-dist-$version.tgz"
if ! (cd "$work" && npm pack --silent "pdfjs-dist@$version" >"$work/npm.log" 2>&1); then
  cat "$work/npm.log" >&2
  fail "npm pack pdfjs-dist@$version failed (see above)"
fi
[ -f "$work/$tarball" ] || fail "npm pack did not produce $tarball"

actual=$(sha256sum "$work/$tarball" | cut -d ' ' -f 1)
if [ "$actual" != "$sha256" ]; then
  fail "$tarball has sha256 $actual, expected $sha256: not vendored"
fi

tar xzf "$work/$tarball" -C "$work" || fail "could not unpack $tarball"
package="$work/package"

# Decoders for scanned pages (JBIG2, JPEG 2000) and colour profiles; the JavaScript sandbox (QuickJS) is not needed.
files=(LICENSE build/pdf.min.mjs build/pdf.worker.min.mjs standard_fonts
  wasm/jbig2.wasm wasm/jbig2_nowasm_fallback.js wasm/openjpeg.wasm wasm/openjpeg_nowasm_fallback.js wasm/qcms_bg.wasm)
for file in "${files[@]}"; do
  [ -e "$package/$file" ] || fail "$tarball has no $file; the layout of pdfjs-dist changed, update this script"
done

staged="$work/pdfjs"
mkdir -p "$staged/wasm"
cp "$package/LICENSE" "$package/build/pdf.min.mjs" "$package/build/pdf.worker.min.mjs" "$staged/"
cp -r "$package/standard_fonts" "$staged/"
cp "$package"/wasm/{jbig2.wasm,jbig2_nowasm_fallback.js,openjpeg.wasm,openjpeg_nowasm_fallback.js,qcms_bg.wasm} "$staged/wasm/"
cp "$package"/wasm/LICENSE_* "$staged/wasm/"
rm -f "$staged"/wasm/LICENSE_*QUICKJS
printf 'pdfjs-dist %s\nsha256 %s  %s\n' "$version" "$sha256" "$tarball" >"$staged/VERSION"

# Replace only now that everything is in place.
rm -rf "$target"
mv "$staged" "$target"
echo "vendored pdfjs-dist $version ($tarball, sha256 $sha256) into $target"
