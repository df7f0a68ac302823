#!/bin/sh
# Development only. Creates each Secret in /out unless it exists: an existing key is never replaced, because tokens
# signed with it and the connection credentials and webhook secrets encrypted with it would stop working. Delete a
# Secret to rotate it.
set -eu
sa=/var/run/secrets/kubernetes.io/serviceaccount
namespace=$(cat "$sa/namespace")
for manifest in /out/*.json; do
  name=$(basename "$manifest" .json)
  status=$(curl -sS -o /tmp/response -w '%{http_code}' --cacert "$sa/ca.crt" \
    -H "Authorization: Bearer $(cat "$sa/token")" -H 'Content-Type: application/json' \
    -X POST --data-binary "@$manifest" \
    "https://kubernetes.default.svc/api/v1/namespaces/$namespace/secrets")
  case $status in
    201) echo "created Secret $name" ;;
    409) echo "Secret $name exists: kept" ;;
    *) echo "creating Secret $name failed with HTTP $status:" >&2; cat /tmp/response >&2; exit 1 ;;
  esac
done
