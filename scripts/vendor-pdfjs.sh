#!/usr/bin/env bash
# Refreshes the vendored PDF.js (Apache-2.0) in src/KnowledgeBase.Web/wwwroot/lib/pdfjs from the npm registry.
# The app serves it itself: no CDN, so the viewer works on an intranet with no internet.
# Usage: scripts/vendor-pdfjs.sh [version]
set -euo pipefail
version="${1:-6.5.438}"
cd "$(dirname "$0")/.."
target=src/KnowledgeBase.Web/wwwroot/lib/pdfjs
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack "pdfjs-dist@$version" >/dev/null 2>&1 && tar xzf "pdfjs-dist-$version.tgz")
rm -rf "$target"
mkdir -p "$target/wasm"
cp "$work/package/LICENSE" "$target/"
cp "$work/package/build/pdf.min.mjs" "$work/package/build/pdf.worker.min.mjs" "$target/"
cp -r "$work/package/standard_fonts" "$target/"
# Decoders for scanned pages (JBIG2, JPEG 2000) and colour profiles; the JavaScript sandbox is not needed.
cp "$work/package/wasm/"{jbig2.wasm,jbig2_nowasm_fallback.js,openjpeg.wasm,openjpeg_nowasm_fallback.js,qcms_bg.wasm,LICENSE_*} "$target/wasm/"
rm -f "$target/wasm/"LICENSE_*QUICKJS
echo "pdfjs-dist $version" > "$target/VERSION"
echo "vendored pdfjs-dist $version into $target"
