-- Signing secrets are stored encrypted (v1:<base64 of nonce and AES-256-GCM ciphertext>, about 110 characters for a
-- whsec_ secret). Widening a varchar only changes the catalogue: no rewrite, and older instances keep working.
-- Secrets still in clear are encrypted by the runner at start-up (StoredSecretsEncryption), which holds the key.
ALTER TABLE webhook_subscriptions
    ALTER COLUMN secret TYPE varchar(400),
    ALTER COLUMN previous_secret TYPE varchar(400);

ALTER TABLE webhook_callback_secrets
    ALTER COLUMN secret TYPE varchar(400),
    ALTER COLUMN previous_secret TYPE varchar(400);
