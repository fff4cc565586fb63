#!/bin/sh
# SPDX-License-Identifier: LGPL-2.1-or-later
# install-test.sh BUILDDIR SRCDIR [SANITIZE]
#
# Installs the build into a temporary root (meson install --destdir), then
# builds examples/embed against that installation with nothing but
# `pkg-config --cflags --libs libclaims`, runs it, and checks that it prints
# claims_version_string(). It also builds the example's stand-alone
# meson.build the same way. Run by meson test (suite 'slow').
#
# SANITIZE is meson's b_sanitize value: an ASan build's library needs the
# sanitizer in the program that loads it too.
set -eu

builddir=$(cd "$1" && pwd)
srcdir=$(cd "$2" && pwd)
sanitize=${3:-none}

for tool in meson pkg-config cc; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "SKIP: $tool not found"
    exit 77
  fi
done

tmp=$(mktemp -d "${TMPDIR:-/tmp}/claims-install-test.XXXXXX")
trap 'rm -rf "$tmp"' EXIT INT TERM
root=$tmp/root

echo "== meson install --destdir $root"
# Without --no-rebuild: meson test builds only what the tests need, so
# default targets such as the man page or the API docs may not exist yet.
meson install -C "$builddir" --destdir "$root" --quiet \
  >"$tmp/install.log" 2>&1 || { cat "$tmp/install.log"; exit 1; }

pc=$(find "$root" -name libclaims.pc | head -n 1)
if [ -z "$pc" ]; then
  echo "FAIL: libclaims.pc was not installed"
  exit 1
fi
pcdir=$(dirname "$pc")
# The .pc file names the configured prefix; point it into the temporary
# root (the one step a real installation does not need).
prefix=$(sed -n 's/^prefix=//p' "$pc")
sed "s|^prefix=.*|prefix=$root$prefix|" "$pc" >"$tmp/libclaims.pc"
mkdir -p "$tmp/pkgconfig"
mv "$tmp/libclaims.pc" "$tmp/pkgconfig/libclaims.pc"

PKG_CONFIG_PATH=$tmp/pkgconfig
export PKG_CONFIG_PATH
libdir=$(pkg-config --variable=libdir libclaims)
LD_LIBRARY_PATH=$libdir${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}
export LD_LIBRARY_PATH

for f in "$libdir/libclaims.so" "$(pkg-config --variable=includedir libclaims)/claims/claims.h" \
         "$(pkg-config --variable=includedir libclaims)/claims/claims-version.h"; do
  if [ ! -e "$f" ]; then
    echo "FAIL: $f was not installed"
    exit 1
  fi
done

cflags=$(pkg-config --cflags libclaims)
libs=$(pkg-config --libs libclaims)
case "$cflags $libs" in
  *"$root"*) ;;
  *) echo "FAIL: pkg-config does not point into $root: $cflags $libs"; exit 1 ;;
esac

san=
if [ "$sanitize" != none ] && [ -n "$sanitize" ]; then
  san="-fsanitize=$sanitize"
fi

echo "== cc embed.c \$(pkg-config --cflags --libs libclaims)"
# shellcheck disable=SC2086
cc -std=c11 -Wall -Wextra -Werror $san -o "$tmp/embed" \
  "$srcdir/examples/embed/embed.c" $cflags $libs

status=0
"$tmp/embed" >"$tmp/out.txt" 2>&1 || status=$?
cat "$tmp/out.txt"
if [ "$status" -gt 1 ]; then
  echo "FAIL: embed exited with $status"
  exit 1
fi
version=$(pkg-config --modversion libclaims)
if ! head -n 1 "$tmp/out.txt" | grep -qx "libclaims $version"; then
  echo "FAIL: embed did not print claims_version_string() = $version"
  exit 1
fi
# The program must have loaded the installed library, not the build tree's.
if command -v ldd >/dev/null 2>&1; then
  ldd "$tmp/embed" | grep libclaims
  if ! ldd "$tmp/embed" | grep libclaims | grep -q "$root"; then
    echo "FAIL: embed did not load libclaims from $root"
    exit 1
  fi
fi

echo "== examples/embed/meson.build against the installation"
if meson setup "$tmp/embed-build" "$srcdir/examples/embed" \
     -Db_sanitize="$sanitize" >"$tmp/setup.log" 2>&1 \
   && meson compile -C "$tmp/embed-build" >"$tmp/compile.log" 2>&1; then
  "$tmp/embed-build/embed" | head -n 1 | grep -x "libclaims $version"
else
  cat "$tmp/setup.log" "$tmp/compile.log" 2>/dev/null
  echo "FAIL: examples/embed/meson.build does not build"
  exit 1
fi

echo "== installed Python package against the installed library"
pkgdir=$(find "$root" -type d -name claims -path '*-packages/claims' | head -n 1)
if [ -n "$pkgdir" ] && [ "$sanitize" = none ] && command -v python3 >/dev/null 2>&1; then
  # No LIBCLAIMS_LIBRARY: the package must find the library by itself
  # (ctypes.util.find_library searches LD_LIBRARY_PATH).
  (unset LIBCLAIMS_LIBRARY; cd "$tmp" && \
   PYTHONPATH=$(dirname "$pkgdir") python3 -c \
     'import claims, sys; print("python", claims.version(), claims.library_path)' ) \
    >"$tmp/py.txt" 2>&1 || { cat "$tmp/py.txt"; echo "FAIL: installed package"; exit 1; }
  cat "$tmp/py.txt"
  if ! grep -q "^python $version .*$root" "$tmp/py.txt"; then
    echo "FAIL: the installed package did not load the installed library"
    exit 1
  fi
else
  echo "(skipped: no Python package installed, or a sanitizer build)"
fi

echo "PASS"
