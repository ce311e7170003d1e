#!/usr/bin/env bash
# Adds every new public symbol of the shipped projects to their PublicAPI.Unshipped.txt (RS0016 fixes).
set -euo pipefail
cd "$(dirname "$0")/.."
for proj in src/SalesKpi/SalesKpi.csproj src/SalesKpi.SampleData/SalesKpi.SampleData.csproj; do
  dotnet format analyzers "$proj" --diagnostics RS0016 --severity warn
done
