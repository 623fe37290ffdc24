#!/usr/bin/env bash
# Installs, when missing, the Debian packages the tests use: chromium for the browser tests, poppler-utils and
# tesseract-ocr-vie for OCR, DejaVu fonts for rendering Vietnamese, antiword and catdoc for Word 97–2003 (.doc)
# files (also wanted at run time), LibreOffice Writer (headless, tests only: it writes the test .doc files) and
# jpegtran (tests only: it turns a test JPEG sideways for the EXIF orientation test). The one place that installs them: test.sh
# runs it before the tests (and so does CI, through test.sh). As root, or through sudo.
set -euo pipefail

packages=()
command -v chromium >/dev/null 2>&1 || packages+=(chromium)
command -v pdftoppm >/dev/null 2>&1 || packages+=(poppler-utils)
command -v tesseract >/dev/null 2>&1 || packages+=(tesseract-ocr)
ls /usr/share/tesseract-ocr/*/tessdata/vie.traineddata >/dev/null 2>&1 || packages+=(tesseract-ocr-vie)
[ -d /usr/share/fonts/truetype/dejavu ] || packages+=(fonts-dejavu-core)
command -v antiword >/dev/null 2>&1 || packages+=(antiword)
command -v catdoc >/dev/null 2>&1 || packages+=(catdoc)
command -v soffice >/dev/null 2>&1 || packages+=(libreoffice-writer-nogui)
command -v jpegtran >/dev/null 2>&1 || packages+=(libjpeg-turbo-progs)

if [ ${#packages[@]} -eq 0 ]; then
  exit 0
fi

echo "install-test-deps: installing ${packages[*]}" >&2
sudo=()
if [ "$(id -u)" -ne 0 ]; then
  if ! command -v sudo >/dev/null 2>&1; then
    echo "install-test-deps: need root (or sudo) to install ${packages[*]}" >&2
    exit 1
  fi
  sudo=(sudo)
fi
"${sudo[@]}" apt-get update -qq
DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${packages[@]}" >/dev/null
