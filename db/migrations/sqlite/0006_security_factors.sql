-- Second factors (TOTP) and API tokens for machine partners (issue 6).

-- users.totp_secret (0003) holds the confirmed seed; both seeds are sealed with
-- the server key (XChaCha20-Poly1305, app/auth_secrets.h), never stored plain.
ALTER TABLE users ADD COLUMN totp_pending_secret TEXT;  -- enrolled, not yet confirmed
-- The last TOTP step accepted: a code is good once (replay refused).
ALTER TABLE users ADD COLUMN totp_last_step INTEGER NOT NULL DEFAULT 0;

-- A token acts as its own service account (a users row "api.<name>" with the
-- token's role and scope), so scope checks, audit actors and idempotency keys
-- work for it exactly as for a person. Only a hash of the token is stored.
CREATE TABLE api_tokens (
  id              INTEGER PRIMARY KEY,
  user_id         INTEGER NOT NULL UNIQUE REFERENCES users (id),
  name            TEXT NOT NULL UNIQUE CHECK (length(name) BETWEEN 3 AND 60),
  token_hash      TEXT NOT NULL UNIQUE CHECK (length(token_hash) = 64),
  token_prefix    TEXT NOT NULL,   -- the first characters, to recognise a token in lists
  created_at      TEXT NOT NULL,
  created_by      TEXT NOT NULL,
  expires_on      TEXT,            -- YYYY-MM-DD, last valid day (Vietnam time); NULL: never
  expires_at_s    INTEGER,          -- Unix seconds of the end of expires_on
  revoked_at      TEXT,
  last_used_at_s  INTEGER,
  CHECK ((expires_on IS NULL) = (expires_at_s IS NULL))
);
