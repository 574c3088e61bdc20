#!/usr/bin/env bash
# Installs the system tools the test suite drives for real (Chromium for the preview and report
# tests), from Debian's packages, when they are missing. Needs root for apt-get; on a machine
# where you are not root, install them yourself: apt-get install chromium postgresql
set -euo pipefail

need=()
[ -x /usr/bin/chromium ] || need+=(chromium)
# A Japanese font, so the preview screenshots show the examples' Japanese text instead of boxes.
fc-list :lang=ja 2>/dev/null | grep -q . || need+=(fonts-ipafont-gothic)
# PostgreSQL runs the generated warehouse SQL (packages/sql tests start a throwaway server).
compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null || need+=(postgresql)
# git reads the old side of `cxspec diff --base <rev>` (its tests make a repository).
command -v git >/dev/null || need+=(git)
# util-linux's script gives `cxspec score` a terminal in the progress-bar test.
command -v script >/dev/null || need+=(bsdutils)

if [ ${#need[@]} -eq 0 ]; then
    exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
    echo "ensure-tools: missing ${need[*]}; install them as root: apt-get install -y ${need[*]}" >&2
    exit 1
fi
echo "ensure-tools: installing ${need[*]} from Debian's packages" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >/dev/null
apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
