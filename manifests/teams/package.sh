#!/usr/bin/env bash
# Builds the Teams app package (the zip to upload in Teams or the Developer Portal) with your bot's app id filled in.
#   manifests/teams/package.sh <bot app id> [valid domain] [output.zip]
# e.g. manifests/teams/package.sh 6d2e2a4b-1f0c-4a57-9d43-0c1f9d1b2e3f practicebot.contoso.com
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
app_id="${1:?usage: package.sh <bot app id (GUID)> [valid domain] [output.zip]}"
domain="${2:-}"
out="${3:-$here/practicebot-teams.zip}"
[[ "$app_id" =~ ^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$ ]] \
  || { echo "package.sh: the app id must be a GUID (the Microsoft App ID of the Azure Bot)" >&2; exit 2; }

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
python3 - "$here/manifest.json" "$work/manifest.json" "$app_id" "$domain" <<'PY'
import json, sys
src, dst, app_id, domain = sys.argv[1:5]
manifest = json.load(open(src))
manifest["id"] = app_id
for bot in manifest["bots"]:
    bot["botId"] = app_id
if domain:
    manifest["validDomains"] = [domain]
    for key in ("websiteUrl", "privacyUrl", "termsOfUseUrl"):
        manifest["developer"][key] = manifest["developer"][key].replace("practicebot.example.com", domain)
json.dump(manifest, open(dst, "w"), indent=2)
PY
cp "$here/color.png" "$here/outline.png" "$work/"
rm -f "$out"
python3 -c 'import sys, zipfile
with zipfile.ZipFile(sys.argv[1], "w", zipfile.ZIP_DEFLATED) as z:
    for name in ("manifest.json", "color.png", "outline.png"):
        z.write(sys.argv[2] + "/" + name, name)' "$out" "$work"
echo "$out"
