-- The partner API (issue 5 item 8, docs/protocols/partner-api.md): the payer
-- an API token speaks for, and the result messages partners posted.
-- SQLite dialect; the PostgreSQL file says the same.

-- The provider code (the batches' provider_code: a NAPAS BIN, 'VNPOST' …) a
-- token of a provider operator acts for; NULL: not a payment partner, the
-- partner routes answer 403 partner.not_a_partner.
ALTER TABLE api_tokens ADD COLUMN provider_code TEXT
  CHECK (provider_code IS NULL OR length(provider_code) BETWEEN 1 AND 12);

-- One row per result message accepted from a partner, written in the
-- transaction that applies it. The partner's message id is unique per
-- provider; body_sha256 (of the canonical JSON of its "message") tells a
-- repeat (harmless: already ingested) from another body under the same id
-- (a conflict). report_message_id is the key in ingested_reports.
CREATE TABLE partner_messages (
  id                 INTEGER PRIMARY KEY,
  provider_code      TEXT NOT NULL,
  message_id         TEXT NOT NULL CHECK (length(message_id) BETWEEN 1 AND 64),
  body_sha256        TEXT NOT NULL CHECK (length(body_sha256) = 64),
  batch_id           TEXT NOT NULL,
  report_message_id  TEXT NOT NULL UNIQUE,
  received_by        TEXT NOT NULL,
  received_at        TEXT NOT NULL,
  UNIQUE (provider_code, message_id)
);
