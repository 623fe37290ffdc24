#!/usr/bin/env bash
# Runs every test of KnowledgeBase, browser tests included.
# First installs, when missing, the Debian packages the tests use (chromium for the browser tests,
# poppler-utils and tesseract-ocr-vie for OCR, fonts for rendering Vietnamese) — as root or through sudo.
# Extra arguments go to `dotnet test` (e.g. ./test.sh --filter "FullyQualifiedName~Search").
set -euo pipefail
cd "$(dirname "$0")"

packages=()
command -v chromium >/dev/null 2>&1 || packages+=(chromium)
command -v pdftoppm >/dev/null 2>&1 || packages+=(poppler-utils)
command -v tesseract >/dev/null 2>&1 || packages+=(tesseract-ocr)
ls /usr/share/tesseract-ocr/*/tessdata/vie.traineddata >/dev/null 2>&1 || packages+=(tesseract-ocr-vie)
[ -d /usr/share/fonts/truetype/dejavu ] || packages+=(fonts-dejavu-core)

if [ ${#packages[@]} -gt 0 ]; then
  echo "test.sh: installing ${packages[*]}" >&2
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null 2>&1 && sudo="sudo" || { echo "test.sh: need root (or sudo) to install ${packages[*]}" >&2; exit 1; }
  fi
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${packages[@]}" >/dev/null
fi

exec dotnet test KnowledgeBase.sln "$@"
