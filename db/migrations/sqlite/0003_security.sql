-- Users, server-side sessions and the hash-chained audit log (issue 6).
-- SQLite dialect: instants the server compares are INTEGER Unix seconds;
-- instants people read are UTC 'YYYY-MM-DDTHH:MM:SSZ' text.

CREATE TABLE users (
  id                   INTEGER PRIMARY KEY,
  username             TEXT NOT NULL UNIQUE CHECK (length(username) BETWEEN 3 AND 64),
  role                 TEXT NOT NULL CHECK (role IN ('commune_officer', 'district_officer',
                         'province_officer', 'police_verifier', 'provider_operator',
                         'treasury_officer', 'auditor', 'admin')),
  -- The scope; both NULL for a national scope (auditor, admin).
  unit_code            TEXT,
  unit_edition         TEXT CHECK (unit_edition IN ('pre2025', '2025')),
  password_hash        TEXT NOT NULL,  -- Argon2id, libsodium crypto_pwhash_str format
  active               INTEGER NOT NULL CHECK (active IN (0, 1)),
  must_change_password INTEGER NOT NULL CHECK (must_change_password IN (0, 1)),
  failed_logins        INTEGER NOT NULL DEFAULT 0 CHECK (failed_logins >= 0),
  locked_until_s       INTEGER NOT NULL DEFAULT 0,
  totp_secret          TEXT,            -- enrolled second factor; NULL until enrolled
  created_at           TEXT NOT NULL,
  updated_at           TEXT NOT NULL,
  CHECK ((unit_code IS NULL) = (unit_edition IS NULL))
);

-- The further units a provider operator's contract covers.
CREATE TABLE user_contracted_units (
  user_id   INTEGER NOT NULL REFERENCES users (id),
  unit_code TEXT NOT NULL,
  PRIMARY KEY (user_id, unit_code)
);

-- Only a hash of the session token is stored: a copy of this table logs nobody in.
CREATE TABLE sessions (
  token_hash      TEXT PRIMARY KEY CHECK (length(token_hash) = 64),
  user_id         INTEGER NOT NULL REFERENCES users (id),
  csrf_token      TEXT NOT NULL,
  created_at_s    INTEGER NOT NULL,
  last_seen_at_s  INTEGER NOT NULL,
  second_factor   INTEGER NOT NULL CHECK (second_factor IN (0, 1)),
  source_address  TEXT NOT NULL
);
CREATE INDEX sessions_user ON sessions (user_id);
CREATE INDEX sessions_last_seen ON sessions (last_seen_at_s);

-- Append-only; each entry is chained to the previous one (core/audit_chain.h).
CREATE TABLE audit_log (
  seq            INTEGER PRIMARY KEY CHECK (seq >= 1),
  occurred_at    TEXT NOT NULL,
  actor_user_id  INTEGER,
  actor          TEXT NOT NULL,
  action         TEXT NOT NULL,
  outcome        TEXT NOT NULL CHECK (outcome IN ('success', 'failure', 'denied')),
  object_type    TEXT NOT NULL,
  object_id      TEXT NOT NULL,
  source_address TEXT NOT NULL,
  request_id     TEXT NOT NULL,
  before_json    TEXT,
  after_json     TEXT,
  prev_hash      TEXT NOT NULL CHECK (length(prev_hash) = 64),
  entry_hash     TEXT NOT NULL CHECK (length(entry_hash) = 64)
);

-- The last entry: detects a deleted tail, and is the row appends lock.
CREATE TABLE audit_head (
  id         INTEGER PRIMARY KEY CHECK (id = 1),
  seq        INTEGER NOT NULL,
  entry_hash TEXT NOT NULL
);
INSERT INTO audit_head (id, seq, entry_hash)
  VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');

-- Defence in depth against a bug or a careless script; the chain is what
-- detects a deliberate edit by someone who can drop these triggers.
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
  SELECT RAISE(ABORT, 'audit_log is append-only');
END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
  SELECT RAISE(ABORT, 'audit_log is append-only');
END;
