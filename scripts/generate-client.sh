#!/usr/bin/env bash
# Regenerates the committed OpenAPI snapshot (tests/KetamineCds.ApiClient.Tests/openapi/v1.json) from the app as it
# runs, and the Kiota C# client generated from it (tests/KetamineCds.ApiClient.Tests/Generated). Run it after any change
# to the API's shape, then commit both; the snapshot test fails until you do.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
tests="$root/tests/KetamineCds.ApiClient.Tests"
port=${KETAMINECDS_OPENAPI_PORT:-25081}
data=$(mktemp -d)
trap 'kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; rm -rf "$data"' EXIT

dotnet tool restore >/dev/null
dotnet build src/KetamineCds.Web --configuration Release >/dev/null
ASPNETCORE_ENVIRONMENT=Development dotnet run --no-build --configuration Release --project src/KetamineCds.Web -- \
  --urls "http://127.0.0.1:$port" --Database:Provider sqlite \
  --ConnectionStrings:KetamineCds "Data Source=$data/openapi.db" >"$data/app.log" 2>&1 &
pid=$!
for _ in $(seq 1 120); do
  if curl -fsS "http://127.0.0.1:$port/openapi/v1.json" -o "$data/v1.json" 2>/dev/null; then break; fi
  kill -0 "$pid" 2>/dev/null || { cat "$data/app.log" >&2; exit 1; }
  sleep 1
done
[ -s "$data/v1.json" ] || { echo "scripts/generate-client.sh: the app did not serve /openapi/v1.json" >&2; exit 1; }

mkdir -p "$tests/openapi"
cp "$data/v1.json" "$tests/openapi/v1.json"
rm -rf "$tests/Generated"
KIOTA_OFFLINE_ENABLED=true KIOTA_UPDATE_DISABLED=true dotnet kiota generate --language CSharp --openapi "$tests/openapi/v1.json" --output "$tests/Generated" \
  --class-name KetamineCdsClient --namespace-name KetamineCds.ApiClient.Tests.Generated \
  --serializer Microsoft.Kiota.Serialization.Json.JsonSerializationWriterFactory \
  --deserializer Microsoft.Kiota.Serialization.Json.JsonParseNodeFactory \
  --exclude-backward-compatible --clean-output --log-level Warning
# Kiota's lock file holds absolute paths of this machine; the snapshot and this script say how it was made.
rm -f "$tests/Generated/kiota-lock.json" "$tests/Generated/.kiota.log"
echo "Wrote $tests/openapi/v1.json and $tests/Generated"
