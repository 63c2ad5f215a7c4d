# Sourced by run-demo.sh: which Debian/Ubuntu packages Qt needs to open a window here.
# Qt's xcb (X11) and wayland platform plugins load these libraries (objdump -p of PySide6's
# libqxcb.so, libQt6XcbQpa.so, libqwayland.so); offscreen needs only the common ones.
# Prints the missing packages, one per line. LDCONFIG may name another ldconfig (tests).

_ifo_libs_common="libEGL.so.1:libegl1 libGL.so.1:libgl1 libfontconfig.so.1:libfontconfig1
libdbus-1.so.3:libdbus-1-3 libglib-2.0.so.0:libglib2.0-0 libxkbcommon.so.0:libxkbcommon0"
_ifo_libs_xcb="libxcb.so.1:libxcb1 libX11.so.6:libx11-6 libX11-xcb.so.1:libx11-xcb1
libxcb-cursor.so.0:libxcb-cursor0 libxcb-icccm.so.4:libxcb-icccm4 libxcb-image.so.0:libxcb-image0
libxcb-keysyms.so.1:libxcb-keysyms1 libxcb-randr.so.0:libxcb-randr0
libxcb-render.so.0:libxcb-render0 libxcb-render-util.so.0:libxcb-render-util0
libxcb-shape.so.0:libxcb-shape0 libxcb-shm.so.0:libxcb-shm0 libxcb-sync.so.1:libxcb-sync1
libxcb-util.so.1:libxcb-util1 libxcb-xfixes.so.0:libxcb-xfixes0 libxcb-xkb.so.1:libxcb-xkb1
libxkbcommon-x11.so.0:libxkbcommon-x11-0"
_ifo_libs_wayland="libwayland-client.so.0:libwayland-client0 libwayland-cursor.so.0:libwayland-cursor0
libwayland-egl.so.1:libwayland-egl1"

ifodesk_missing_packages() {
  local ldconfig=${LDCONFIG:-}
  if [ -z "$ldconfig" ]; then
    ldconfig=$(command -v ldconfig || true)
    [ -n "$ldconfig" ] || { [ -x /sbin/ldconfig ] && ldconfig=/sbin/ldconfig; }
  fi
  [ -n "$ldconfig" ] || return 0  # cannot tell: Qt itself will say what is missing
  local known wanted="$_ifo_libs_common" platform=${QT_QPA_PLATFORM:-}
  case "$platform" in
    offscreen*|minimal*|vnc*) ;;
    *)
      [ -n "${DISPLAY:-}" ] && [ "$platform" != wayland ] && wanted="$wanted $_ifo_libs_xcb"
      [ -n "${WAYLAND_DISPLAY:-}" ] && [ "$platform" != xcb ] && wanted="$wanted $_ifo_libs_wayland"
      ;;
  esac
  known=$("$ldconfig" -p 2>/dev/null | awk '{print $1}')
  local pair
  for pair in $wanted; do
    printf '%s\n' "$known" | grep -qxF "${pair%%:*}" || printf '%s\n' "${pair#*:}"
  done
}
