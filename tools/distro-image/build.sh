#!/usr/bin/env bash
# Builds the image of a minimal Debian "distro" for wslnet's container tests, once: debootstrap a minbase bookworm
# with a JRE and iproute2, then import the tree as an image. No registry is needed, nothing is pulled. An image that
# already has the tag is reused.
#
# The mirror: WSLNET_DEBIAN_MIRROR when set; else the Debian mirror apt already uses, if this machine runs Debian;
# else debootstrap's own default Debian mirror. A non-Debian machine's first apt source (Ubuntu's, on GitHub's
# runners) is never taken: it does not serve bookworm. Packages are checked with Debian's archive keyring (package
# debian-archive-keyring), also on machines whose own keyring is another distribution's.
set -euo pipefail
tag=${WSLNET_DISTRO_IMAGE:-wslnet-distro:bookworm}
keyring=/usr/share/keyrings/debian-archive-keyring.gpg
if docker image inspect "$tag" >/dev/null 2>&1; then
  echo "distro image $tag is there"
  exit 0
fi
if [ ! -r "$keyring" ]; then
  echo "error: $keyring is missing; install the package debian-archive-keyring" >&2
  exit 1
fi
mirror=${WSLNET_DEBIAN_MIRROR:-}
if [ -z "$mirror" ] && grep -qx 'ID=debian' /etc/os-release 2>/dev/null; then
  mirror=$(awk '/^URIs:/ {print $2; exit}' /etc/apt/sources.list.d/debian.sources 2>/dev/null || true)
  if [ -z "$mirror" ]; then
    mirror=$(awk '/^deb / {print $2; exit}' /etc/apt/sources.list 2>/dev/null || true)
  fi
fi
root=$(mktemp -d)
trap 'rm -rf "$root"' EXIT
echo "building distro image $tag with debootstrap (about a minute)" >&2
debootstrap --keyring="$keyring" --variant=minbase --include=openjdk-17-jre-headless,iproute2 bookworm "$root" \
  ${mirror:+"$mirror"} >/dev/null
tar -C "$root" -c . | docker import - "$tag" >/dev/null
echo "distro image $tag built"
