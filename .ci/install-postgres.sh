#!/usr/bin/env bash
# Installs Debian's PostgreSQL 15 and builds pgvector for it from the Debian source
# package of the next release (pgvector is not packaged for this one). The mirror is
# read from this machine's own apt sources. Idempotent.
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive

. /etc/os-release
codename="${VERSION_CODENAME:?no VERSION_CODENAME in /etc/os-release}"
case "$codename" in
  bullseye) next=bookworm ;;
  bookworm) next=trixie ;;
  trixie) next=forky ;;
  *) echo "unknown Debian release $codename" >&2; exit 1 ;;
esac

# The mirror serving this release's main archive, from deb822 .sources or one-line lists.
mirror=""
for f in /etc/apt/sources.list.d/*.sources; do
  [ -f "$f" ] || continue
  mirror=$(awk -v rel="$codename" '
    /^URIs:/ { uris=$2 } /^Suites:/ { for (i=2;i<=NF;i++) if ($i==rel) hit=1 }
    /^$/ { if (hit && uris!="") { print uris; exit } hit=0; uris="" }
    END { if (hit && uris!="") print uris }' "$f" | head -n1)
  [ -n "$mirror" ] && break
done
if [ -z "$mirror" ] && [ -f /etc/apt/sources.list ]; then
  mirror=$(awk -v rel="$codename" '$1=="deb" && $3==rel { print $2; exit }' /etc/apt/sources.list)
fi
[ -n "$mirror" ] || { echo "could not find the Debian mirror in the apt sources" >&2; exit 1; }

if ! command -v pg_ctlcluster >/dev/null || [ ! -x /usr/lib/postgresql/15/bin/postgres ]; then
  apt-get update -qq
  apt-get install -y -qq postgresql postgresql-server-dev-15 dpkg-dev build-essential >/dev/null
fi
if ! dpkg -s postgresql-server-dev-15 >/dev/null 2>&1 || ! command -v dpkg-source >/dev/null; then
  apt-get install -y -qq postgresql-server-dev-15 dpkg-dev build-essential >/dev/null
fi

if [ ! -f /usr/share/postgresql/15/extension/vector.control ]; then
  src=/etc/apt/sources.list.d/nestwise-$next-src.sources
  printf 'Types: deb-src\nURIs: %s\nSuites: %s\nComponents: main\nSigned-By: /usr/share/keyrings/debian-archive-keyring.gpg\n' "$mirror" "$next" > "$src"
  apt-get update -qq
  work=$(mktemp -d)
  (cd "$work" && apt-get source -qq pgvector >/dev/null 2>&1 || apt-get source pgvector)
  dir=$(find "$work" -maxdepth 1 -type d -name 'pgvector-*' | head -n1)
  make -s -C "$dir" PG_CONFIG=/usr/lib/postgresql/15/bin/pg_config OPTFLAGS="" >/dev/null
  make -s -C "$dir" PG_CONFIG=/usr/lib/postgresql/15/bin/pg_config install >/dev/null
  rm -rf "$work" "$src"
  apt-get update -qq
fi

# Start the cluster on loopback and give the postgres role a password for TCP logins.
pg_ctlcluster 15 main start 2>/dev/null || true
for _ in $(seq 1 30); do pg_isready -q -h 127.0.0.1 -p 5432 && break; sleep 1; done
pg_isready -h 127.0.0.1 -p 5432
su postgres -c "psql -q -c \"ALTER USER postgres PASSWORD 'postgres'\""
echo "PostgreSQL 15 with pgvector $(cat /usr/share/postgresql/15/extension/vector.control | awk -F"'" '/default_version/{print $2}') on 127.0.0.1:5432"
