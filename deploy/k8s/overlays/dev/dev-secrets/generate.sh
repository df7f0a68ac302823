#!/bin/sh
# Development only. Generates fresh key material and writes it as Secret manifests (JSON) to /out, for create.sh:
#   orchestrion-jwt-keys             public-key.pem, private-key.pem: the RS256 pair services verify and sign with
#   orchestrion-dev-connections-key  ORCHESTRION_CONNECTIONS_ENCRYPTION_KEY: AES-256 key (base64 of 32 random bytes)
#   orchestrion-dev-runner-secrets-key  ORCHESTRION_RUNNER_SECRETS_ENCRYPTION_KEY: the same, for webhook signing secrets
# Runs in the postgres image only because it ships openssl and the dev stack pulls it anyway.
set -eu
umask 077
cd /tmp
openssl genpkey -quiet -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out private-key.pem
openssl pkey -in private-key.pem -pubout -out public-key.pem
connections_key=$(openssl rand -base64 32 | tr -d '\n')
runner_secrets_key=$(openssl rand -base64 32 | tr -d '\n')

b64file() { base64 -w0 "$1"; }
b64text() { printf '%s' "$1" | base64 -w0; }
labels='"labels":{"app.kubernetes.io/part-of":"orchestrion","app.kubernetes.io/managed-by":"orchestrion-dev-secrets"}'

cat >/out/orchestrion-jwt-keys.json <<JSON
{"apiVersion":"v1","kind":"Secret","type":"Opaque","metadata":{"name":"orchestrion-jwt-keys",$labels},
 "data":{"public-key.pem":"$(b64file public-key.pem)","private-key.pem":"$(b64file private-key.pem)"}}
JSON
cat >/out/orchestrion-dev-connections-key.json <<JSON
{"apiVersion":"v1","kind":"Secret","type":"Opaque","metadata":{"name":"orchestrion-dev-connections-key",$labels},
 "data":{"ORCHESTRION_CONNECTIONS_ENCRYPTION_KEY":"$(b64text "$connections_key")"}}
JSON
cat >/out/orchestrion-dev-runner-secrets-key.json <<JSON
{"apiVersion":"v1","kind":"Secret","type":"Opaque","metadata":{"name":"orchestrion-dev-runner-secrets-key",$labels},
 "data":{"ORCHESTRION_RUNNER_SECRETS_ENCRYPTION_KEY":"$(b64text "$runner_secrets_key")"}}
JSON
rm -f private-key.pem public-key.pem
echo "generated: $(ls /out)"
