#!/usr/bin/env bash
# Refreshes the pages' wire types after a change to what the server sends:
#   1. stage-display/openapi/v1.json  ← the document the server serves at /openapi/v1.json
#      (written by the server test OpenApiDocumentTests with CHARITYDAY_WRITE_OPENAPI=1)
#   2. stage-display/src/lib/wire.gen.ts ← openapi-typescript of that file (npm run wire)
# Run from anywhere; builds the server test project first. Commit both files.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"

dotnet build tests/CharityDay.Server.Tests -c Release -nologo -clp:ErrorsOnly -p:SkipStageDisplay=true
CHARITYDAY_WRITE_OPENAPI=1 dotnet test tests/CharityDay.Server.Tests -c Release --no-build --nologo \
  --filter "FullyQualifiedName~CharityDay.Server.Tests.OpenApiDocumentTests"
(cd stage-display && npm run --silent wire)
echo "update-wire: stage-display/openapi/v1.json and stage-display/src/lib/wire.gen.ts are current"
