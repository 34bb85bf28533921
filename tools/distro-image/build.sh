#!/usr/bin/env bash
# Builds the image of a minimal Debian "distro" for wslnet's container tests, once: debootstrap a minbase bookworm
# with a JRE and iproute2, then import the tree as an image. No registry is needed, nothing is pulled. An image that
# already has the tag is reused.
set -euo pipefail
tag=${WSLNET_DISTRO_IMAGE:-wslnet-distro:bookworm}
if docker image inspect "$tag" >/dev/null 2>&1; then
  echo "distro image $tag is there"
  exit 0
fi
# The Debian mirror apt already uses here, so that debootstrap reaches the same packages.
mirror=$(awk '/^URIs:/ {print $2; exit}' /etc/apt/sources.list.d/*.sources 2>/dev/null || true)
if [ -z "$mirror" ]; then
  mirror=$(awk '/^deb / {print $2; exit}' /etc/apt/sources.list 2>/dev/null || true)
fi
root=$(mktemp -d)
trap 'rm -rf "$root"' EXIT
echo "building distro image $tag with debootstrap (about a minute)" >&2
debootstrap --variant=minbase --include=openjdk-17-jre-headless,iproute2 bookworm "$root" ${mirror:+"$mirror"} >/dev/null
tar -C "$root" -c . | docker import - "$tag" >/dev/null
echo "distro image $tag built"
