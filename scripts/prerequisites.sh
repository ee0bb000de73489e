# Installs, through apt-get, what the app and its tests need from Debian when it is missing.
# Sourced by scripts/run and scripts/test.

as_root() {
    if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

apt_install() {
    echo "Installing $* with apt-get..."
    as_root apt-get update -qq
    DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "$@" >/dev/null
}

ensure_postgres() {
    if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
        apt_install postgresql
    fi
}

# Debian's Chromium as its headless shell (package chromium-headless-shell, the same build without the desktop
# browser around it): the browser tests' Chromium used a quarter more CPU as the full browser in headless mode.
ensure_chromium() {
    if [ ! -x /usr/bin/chromium-headless-shell ]; then
        apt_install chromium-headless-shell
    fi
}
