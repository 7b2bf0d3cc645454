#!/usr/bin/env bash
# Install the Debian packages a step needs, only when something is missing.
#   site: Python with venv (make serve)
#   node: Node.js and npm (the quality tools in package.json)
#   test: Chromium, Java (Nu HTML Checker), OpenSSH server and rsync, git, nginx (the header snippet)
set -euo pipefail

missing=()
need() {  # need COMMAND PACKAGE: queue PACKAGE if COMMAND is not there
  command -v "$1" >/dev/null 2>&1 || missing+=("$2")
}

case "${1:-}" in
  site)
    python=$(command -v python3.11 || command -v python3 || true)
    if [ -z "$python" ]; then
      missing+=(python3 python3-venv)
    elif ! "$python" -c 'import ensurepip, venv' >/dev/null 2>&1; then
      missing+=(python3-venv)
    fi
    ;;
  node)
    need node nodejs
    need npm npm
    ;;
  test)
    need chromium chromium
    need java default-jre-headless
    need sshd openssh-server
    [ -x /usr/sbin/sshd ] || missing+=(openssh-server)
    need ssh openssh-client
    need rsync rsync
    need git git
    need faketime faketime  # a publish run as if later (tests/test_drafts_and_scheduling.py)
    [ -x /usr/sbin/nginx ] || missing+=(nginx)
    # Browser tests measure text (line length, tap targets): Chromium needs a font.
    fc-list 2>/dev/null | grep -q "DejaVu Sans" || missing+=(fonts-dejavu-core fontconfig)
    ;;
  *)
    echo "usage: $0 site|node|test" >&2
    exit 2
    ;;
esac

[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -ne 0 ]; then
  echo "Missing system packages: ${missing[*]}. Install them (as root): apt-get install ${missing[*]}" >&2
  exit 1
fi
echo "Installing system packages: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
