#!/usr/bin/env bash
# Runs every test of KnowledgeBase, browser tests included.
# First installs, when missing, the Debian packages the tests use (scripts/install-test-deps.sh: chromium,
# poppler-utils, tesseract-ocr-vie, DejaVu fonts) — as root or through sudo.
# Extra arguments go to `dotnet test` (e.g. ./test.sh --filter "FullyQualifiedName~Search").
set -euo pipefail
cd "$(dirname "$0")"

scripts/install-test-deps.sh
exec dotnet test KnowledgeBase.sln "$@"
