#!/usr/bin/env bash
# Install the Debian packages Wing Voice uses, when missing:
#   chromium (browser tests), espeak-ng and opus-tools (read-aloud audio), gettext (msgfmt checks),
#   Noto fonts (Arabic, Gurmukhi and the other scripts the kiosk shows).
# Installs with apt-get when run as root; otherwise says what to install.
set -euo pipefail

missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v espeak-ng >/dev/null 2>&1 || missing+=(espeak-ng)
command -v msgfmt >/dev/null 2>&1 || missing+=(gettext)
command -v opusenc >/dev/null 2>&1 || missing+=(opus-tools)
fc-list 2>/dev/null | grep -qi "NotoSansArabic\|Noto Sans Arabic" || missing+=(fonts-noto-core)

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing system packages: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
else
  echo "Please install these Debian packages, then run the command again:" >&2
  echo "  sudo apt-get install ${missing[*]}" >&2
  exit 1
fi
