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
    elif ! "$python" -c 'import sys; sys.exit(sys.version_info < (3, 11))'; then
      # Debian 11 and Ubuntu 22.04 have 3.9 and 3.10, and apt cannot install a newer one there.
      version=$("$python" -c 'import platform; print(platform.python_version())')
      echo "Sajtu treba Python 3.11 ili noviji, a na ovom računaru je $version." >&2
      echo "Potreban je Debian 12 ili Ubuntu 24.04 (ili noviji); na Windowsu, u WSL-u izaberite Ubuntu 24.04." >&2
      exit 1
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
  if [ "$1" = site ]; then  # the author's step (make): she reads Serbian
    echo "Nedostaju programi koje sajt koristi: ${missing[*]}. Instalirajte ih jednom, sa lozinkom administratora:" >&2
    echo "  sudo apt-get install ${missing[*]}" >&2
    echo "pa ponovo pokrenite make." >&2
  else
    echo "Missing system packages: ${missing[*]}. Install them (as root): apt-get install ${missing[*]}" >&2
  fi
  exit 1
fi
echo "Installing system packages: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
