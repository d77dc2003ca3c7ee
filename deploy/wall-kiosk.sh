#!/usr/bin/env bash
# Starts Chromium full-screen on a wall PC for one big screen, as the venue runs it: kiosk mode, the
# wall's own kiosk switch (no language buttons, no cursor, no scrollbars), and the one flag that
# lets the wall's offline shell work on the venue's plain-HTTP LAN name. Service workers need a
# secure context; without the flag a wall reloaded during an outage shows Chromium's error page.
#
#   deploy/wall-kiosk.sh http://charity-night.venue:5000/screen/demo [--lang zh|en] [--profile DIR]
#
# The profile folder (default ~/.config/charityday-wall) keeps the shell and the last total across
# reboots of the wall PC: use one per wall, on local disk. CHROMIUM names the browser binary.
set -euo pipefail

usage() { sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//'; exit 2; }

[[ $# -ge 1 ]] || usage
url=$1
shift
lang=""
profile="${HOME}/.config/charityday-wall"
while [[ $# -gt 0 ]]; do
  case $1 in
    --lang) [[ ${2:-} == zh || ${2:-} == en ]] || usage; lang=$2; shift 2 ;;
    --profile) [[ -n ${2:-} ]] || usage; profile=$2; shift 2 ;;
    *) usage ;;
  esac
done

[[ $url =~ ^(https?://[^/]+)(/screen/[^?#]+)(\?[^#]*)?$ ]] || { echo "not a wall address (http://host:port/screen/{eventId}): $url" >&2; exit 2; }
origin=${BASH_REMATCH[1]}
page=${BASH_REMATCH[2]}
query=${BASH_REMATCH[3]:-}
# The wall's switches go after whatever the address already asks for (?digits=full, say).
switches="kiosk=1${lang:+&lang=$lang}"
if [[ -z $query ]]; then query="?$switches"; else query="$query&$switches"; fi

chromium=${CHROMIUM:-$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)}
[[ -n $chromium ]] || { echo "no Chromium found: set CHROMIUM" >&2; exit 1; }
mkdir -p "$profile"

# --unsafely-treat-insecure-origin-as-secure takes effect with a profile of its own (--user-data-dir).
exec "$chromium" \
  --kiosk \
  --user-data-dir="$profile" \
  --unsafely-treat-insecure-origin-as-secure="$origin" \
  --no-first-run --disable-session-crashed-bubble --disable-infobars --noerrdialogs \
  --disable-translate --disable-features=Translate --autoplay-policy=no-user-gesture-required \
  --check-for-update-interval=31536000 \
  "${origin}${page}${query}"
