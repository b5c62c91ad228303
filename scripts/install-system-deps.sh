#!/usr/bin/env bash
# Installs what the rendered-layout tests need from Debian packages: LibreOffice
# (headless Writer), the free CJK fonts govdoc maps the official fonts to, a
# Times New Roman substitute with the same metrics, poppler's pdftoppm, and Chromium
# (headless: the HTML preview's browser tests).
set -euo pipefail
PACKAGES=(libreoffice-writer-nogui fonts-noto-cjk fonts-arphic-ukai fonts-arphic-uming
          fonts-wqy-zenhei fonts-liberation2 fontconfig poppler-utils chromium)
if [ "$(id -u)" -ne 0 ]; then
  echo "install-system-deps: run as root (or: sudo $0)" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${PACKAGES[@]}" >/dev/null
echo "install-system-deps: installed ${PACKAGES[*]}"
