# Shared by scripts/test-all.sh and .ci/run: make the machine able to run every suite.

ensure_chromium() {
  if [ -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ]; then return 0; fi
  if [ -d "${HOME}/.cache/ms-playwright" ] && ls "${HOME}/.cache/ms-playwright" | grep -q chromium; then return 0; fi
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
    echo "Installing Debian's chromium for the browser tests…"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    echo "No chromium found: install it (apt-get install chromium) or run 'npx playwright install chromium'." >&2
  fi
}

# nginx fronts the multi-instance tests and benchmark (they run deploy/nginx.conf). Debian's
# package; its service is not started (the tests run their own nginx, unprivileged, on high ports).
ensure_nginx() {
  if [ -x "${NGINX_PATH:-/usr/sbin/nginx}" ] || command -v nginx >/dev/null; then return 0; fi
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
    echo "Installing Debian's nginx for the multi-instance tests…"
    local no_start=""
    # Keep the package's post-install from starting a system nginx on port 80.
    if [ ! -e /usr/sbin/policy-rc.d ]; then
      printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d && chmod +x /usr/sbin/policy-rc.d && no_start=1
    fi
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx >/dev/null
    if [ -n "$no_start" ]; then rm -f /usr/sbin/policy-rc.d; fi
  else
    echo "No nginx found: install it (apt-get install nginx); the multi-instance tests need it." >&2
  fi
}

# Sets PG_TEST_URL to an admin URL of a reachable PostgreSQL, starting the local cluster if it is down.
ensure_postgres() {
  local url="${TEST_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/postgres}"
  if ! pg_isready -q -d "$url" 2>/dev/null; then
    if command -v pg_ctlcluster >/dev/null && [ -d /etc/postgresql ]; then
      echo "Starting the local PostgreSQL cluster…"
      pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -n1)" main start || true
      for _ in $(seq 1 30); do pg_isready -q -d "$url" 2>/dev/null && break; sleep 1; done
    fi
  fi
  if pg_isready -q -d "$url" 2>/dev/null; then export PG_TEST_URL="$url"; else
    echo "PostgreSQL is not reachable at $url: the PostgreSQL integration suite cannot run." >&2
  fi
}
