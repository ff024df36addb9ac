#!/usr/bin/env bash
# The Worker bundle must not carry the Node-only parts of the service (embedded PGlite,
# pino's Node streams, the filesystem asset reader).
set -euo pipefail
bundle=.wrangler/dist/worker.js
[ -s "$bundle" ] || { echo "no Worker bundle at $bundle" >&2; exit 1; }
bad=0
for needle in '@electric-sql/pglite' 'PGLiteSocketServer' 'pino-pretty' 'swagger-ui-dist' 'startEmbeddedDb' 'loadMigrationFiles' 'nodeAssets'; do
  if grep -q "$needle" "$bundle"; then echo "Worker bundle contains Node-only code: $needle" >&2; bad=1; fi
done
[ $bad -eq 0 ] && echo "Worker bundle $(du -k "$bundle" | cut -f1) KiB, no Node-only modules"
exit $bad
