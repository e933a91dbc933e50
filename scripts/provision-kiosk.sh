#!/usr/bin/env bash
# Provisions a Linux browser kiosk to trust a Turnout venue server, from the
# pairing link alone (turnout://pair?v=1&server=https://HOST:PORT&fp=PIN&code=…).
#
#  1. connects to the link's servers in order and takes the first that answers;
#  2. checks that the key it presents hashes to the link's fp (RFC 7469 pin) —
#     the link is what the organiser showed on screen, so this is the trust step;
#  3. downloads /ca.crt over a connection pinned to that same key, checks it is a
#     CA limited by name constraints, and that the served leaf chains to it;
#  4. installs it: into the user's NSS database (Chromium and Firefox on Linux read
#     it; default), or as a Chromium managed policy CACertificatesWithConstraints
#     (all users of the machine, with the constraints repeated outside the cert);
#  5. prints the kiosk URL to open (the server's own /kiosk/ with the link).
#
# Needs: bash, openssl, curl; certutil (Debian: libnss3-tools) for --nss.
# Usage: provision-kiosk.sh [--nss [DBDIR] | --policy [DIR]] [--resolve HOST:ADDR] LINK
#   --nss DBDIR   NSS database (default: $HOME/.pki/nssdb, created if missing)
#   --policy DIR  write DIR/turnout-venue-ca.json (default /etc/chromium/policies/managed)
#   --resolve     connect to ADDR for HOST (a venue name the kiosk cannot resolve yet)
# Exit: 0 installed; 2 usage or a bad link; 3 the server's key is not the link's fp;
# 4 the CA is unfit (no name constraints, leaf does not chain); 5 unreachable; 6 install failed.
set -euo pipefail

mode=nss
target=""
resolve=""
link=""
while [ $# -gt 0 ]; do
  case "$1" in
    --nss) mode=nss; if [ $# -gt 1 ] && [ "${2#-}" = "$2" ] && [ "${2#turnout:}" = "$2" ]; then target="$2"; shift; fi ;;
    --policy) mode=policy; if [ $# -gt 1 ] && [ "${2#-}" = "$2" ] && [ "${2#turnout:}" = "$2" ]; then target="$2"; shift; fi ;;
    --resolve) resolve="${2:?--resolve needs HOST:ADDR}"; shift ;;
    -h|--help) sed -n '2,24p' "$0"; exit 0 ;;
    turnout:*) link="$1" ;;
    *) echo "provision-kiosk: unexpected argument $1" >&2; exit 2 ;;
  esac
  shift
done
[ -n "$link" ] || { echo "provision-kiosk: give the pairing link (turnout://pair?…)" >&2; exit 2; }

say() { echo "[provision] $*" >&2; }
die() { local code=$1; shift; echo "[provision] ERROR: $*" >&2; exit "$code"; }
urldecode() { local s="${1//+/ }"; printf '%b' "${s//%/\\x}"; }

query="${link#*\?}"
fp=""
servers=()
IFS='&' read -r -a params <<< "$query"
for p in "${params[@]}"; do
  key="${p%%=*}"; value="$(urldecode "${p#*=}")"
  case "$key" in
    fp) fp="$value" ;;
    server) servers+=("$value") ;;
  esac
done
[[ "$fp" =~ ^[A-Za-z0-9_-]{43}$ ]] || die 2 "the link has no fp (pin of the server key): only links made by a server with its venue CA can provision a kiosk"
[ ${#servers[@]} -gt 0 ] || die 2 "the link names no server"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# The pin of a PEM certificate's key: base64url SHA-256 of its SubjectPublicKeyInfo.
pin_of() { openssl x509 -in "$1" -pubkey -noout | openssl pkey -pubin -outform der | openssl dgst -sha256 -binary | base64 | tr '+/' '-_' | tr -d '=\n'; }

chosen=""
for server in "${servers[@]}"; do
  [[ "$server" =~ ^https://(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9.-]+)(:([0-9]+))?/?$ ]] || { say "skipping $server (not an https base URL)"; continue; }
  host="${BASH_REMATCH[1]}"; port="${BASH_REMATCH[3]:-443}"
  bare="${host#[}"; bare="${bare%]}"
  addr="$host"
  if [ -n "$resolve" ] && [ "${resolve%%:*}" = "$bare" ]; then addr="${resolve#*:}"; fi
  sni=()
  [[ "$bare" =~ [A-Za-z] && ! "$bare" =~ : ]] && sni=(-servername "$bare")
  if timeout 10 openssl s_client -connect "$addr:$port" "${sni[@]}" </dev/null 2>/dev/null | openssl x509 -out "$work/leaf.pem" 2>/dev/null; then
    chosen="$server"; chost="$bare"; cport="$port"; caddr="$addr"
    break
  fi
  say "no TLS answer from $server"
done
[ -n "$chosen" ] || die 5 "none of the link's servers answered: ${servers[*]}"

served="$(pin_of "$work/leaf.pem")"
[ "$served" = "$fp" ] || die 3 "$chosen presents key $served, but the link pins $fp: not the organiser's server (or the link is stale); nothing installed"
say "$chosen presents the pinned key ($fp)"

pin_std="$(printf '%s' "$fp" | tr -- '-_' '+/')="
caddr_bare="${caddr#[}"; caddr_bare="${caddr_bare%]}"
curl -fsS --max-time 15 --insecure --pinnedpubkey "sha256//$pin_std" \
  --resolve "$chost:$cport:$caddr_bare" "https://$([[ "$chost" == *:* ]] && echo "[$chost]" || echo "$chost"):$cport/ca.crt" -o "$work/ca.pem" \
  || die 5 "could not download /ca.crt over the pinned connection"
openssl x509 -in "$work/ca.pem" -noout 2>/dev/null || die 4 "/ca.crt is not a certificate"
openssl x509 -in "$work/ca.pem" -noout -ext basicConstraints 2>/dev/null | grep -q 'CA:TRUE' || die 4 "/ca.crt is not a CA certificate"
openssl x509 -in "$work/ca.pem" -noout -ext nameConstraints 2>/dev/null | grep -q 'Permitted' \
  || die 4 "the CA has no name constraints: trusting it would let its key impersonate any site; refused"
openssl verify -CAfile "$work/ca.pem" "$work/leaf.pem" >/dev/null 2>&1 || die 4 "the served certificate does not chain to /ca.crt; refused"
ca_sha="$(openssl x509 -in "$work/ca.pem" -noout -fingerprint -sha256 | sed 's/.*=//; s/://g' | cut -c1-16)"
nick="Turnout venue CA $ca_sha"
say "CA checked: $(openssl x509 -in "$work/ca.pem" -noout -subject | sed 's/^subject=//') (sha256 $ca_sha…)"

if [ "$mode" = nss ]; then
  command -v certutil >/dev/null || die 6 "certutil is missing (Debian/Ubuntu: apt-get install libnss3-tools)"
  db="${target:-$HOME/.pki/nssdb}"
  mkdir -p "$db"
  [ -f "$db/cert9.db" ] || certutil -N -d "sql:$db" --empty-password || die 6 "could not create the NSS database in $db"
  certutil -D -d "sql:$db" -n "$nick" >/dev/null 2>&1 || true
  certutil -A -d "sql:$db" -n "$nick" -t "C,," -i "$work/ca.pem" || die 6 "certutil could not add the CA to $db"
  say "installed into the NSS database $db as \"$nick\" (restart the browser)"
else
  dir="${target:-/etc/chromium/policies/managed}"
  mkdir -p "$dir" || die 6 "cannot create $dir"
  der="$(openssl x509 -in "$work/ca.pem" -outform der | base64 | tr -d '\n')"
  dns="$(openssl x509 -in "$work/ca.pem" -noout -ext nameConstraints | sed -n 's/^ *DNS:\(.*\)$/"\1"/p' | paste -sd, -)"
  cidrs="$(openssl x509 -in "$work/ca.pem" -noout -ext nameConstraints | sed -n 's/^ *IP:\(.*\)$/\1/p' | while read -r ipmask; do
    ip="${ipmask%/*}"; mask="${ipmask#*/}"
    if [[ "$ip" == *:* ]]; then
      bits=0; for h in ${mask//:/ }; do n=$((16#$h)); while [ $n -gt 0 ]; do bits=$((bits + (n & 1))); n=$((n >> 1)); done; done
      echo "\"$(echo "$ip" | tr 'A-F' 'a-f' | sed -E 's/(^|:)0+([0-9a-f])/\1\2/g')/$bits\""
    else
      bits=0; for o in ${mask//./ }; do n=$o; while [ $n -gt 0 ]; do bits=$((bits + (n & 1))); n=$((n >> 1)); done; done
      echo "\"$ip/$bits\""
    fi
  done | paste -sd, -)"
  cat > "$dir/turnout-venue-ca.json.tmp" <<JSON
{
  "CACertificatesWithConstraints": [
    {
      "certificate": "$der",
      "constraints": { "permitted_dns_names": [$dns], "permitted_cidrs": [$cidrs] }
    }
  ]
}
JSON
  mv "$dir/turnout-venue-ca.json.tmp" "$dir/turnout-venue-ca.json" || die 6 "could not write the policy into $dir"
  say "wrote the Chromium policy $dir/turnout-venue-ca.json (Chromium picks it up at its next start; chrome://policy shows it)"
fi

kiosk_link="$(printf '%s' "$link" | sed 's/%/%25/g; s/&/%26/g; s/=/%3D/g; s/?/%3F/g; s/:/%3A/g; s/\//%2F/g; s/+/%2B/g')"
echo "${chosen%/}/kiosk/?pair=$kiosk_link"
