#!/usr/bin/env bash
# Fills the Scoop and WinGet manifests under packaging/ for one release: its version, the repository the zips are
# released from, and the SHA-256 of the windows-x64 zip, read from its .sha256 file. The WinGet files are laid out
# as microsoft/winget-pkgs expects them (manifests/w/wslnet/wslnet/VERSION/), ready for a pull request there.
#
#   tools/release/manifests.sh VERSION OWNER/REPO ZIP_FOLDER OUT_FOLDER
set -euo pipefail
[ $# -eq 4 ] || { echo "usage: $0 VERSION OWNER/REPO ZIP_FOLDER OUT_FOLDER" >&2; exit 64; }
version=$1 repository=$2 zips=$3 out=$4
cd "$(dirname "$0")/../.."
[[ $version =~ ^[0-9A-Za-z.+-]+$ ]] || { echo "manifests: not a version: $version" >&2; exit 1; }
[[ $repository =~ ^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+$ ]] || { echo "manifests: not a repository: $repository" >&2; exit 1; }
checksum=$zips/wslnet-$version-windows-x64.zip.sha256
[ -f "$checksum" ] || { echo "manifests: $checksum is missing" >&2; exit 1; }
sha256=$(cut -d' ' -f1 "$checksum")
[[ $sha256 =~ ^[0-9a-f]{64}$ ]] || { echo "manifests: $checksum holds no SHA-256" >&2; exit 1; }

fill() {
  sed -e "s|@VERSION@|$version|g" -e "s|@REPOSITORY@|$repository|g" -e "s|@SHA256@|$sha256|g" "$1" > "$2"
}
mkdir -p "$out/scoop" "$out/winget/manifests/w/wslnet/wslnet/$version"
fill packaging/scoop/wslnet.json "$out/scoop/wslnet.json"
for file in packaging/winget/*.yaml; do
  name=$(basename "$file")
  fill "$file" "$out/winget/manifests/w/wslnet/wslnet/$version/wslnet.$name"
done
echo "manifests: $out"
