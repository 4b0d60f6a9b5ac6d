-- SMS to the recipients of paid lines (issue 5 item 7, docs/protocols/sms.md):
-- an outbox with one row per paid line, so each is notified once, whatever
-- crashes in between. PostgreSQL dialect; the SQLite file says the same.
--
-- status: pending (to send), sending (attempt `attempts` is being handed to
-- the gateway under client_ref: recorded before the request, so a crash
-- leaves the reference to send again, which the gateway answers without a
-- second SMS), sent (the gateway accepted it, no receipt yet), delivered,
-- retry (the last attempt failed; sent again while attempts < the limit),
-- failed (refused, or failed `attempts` times: given up), no_phone (no usable
-- phone number: nothing to send).
-- The text names the amount and the period only, never an account or ID number.
-- No phone is kept here: it is read from the register (sealed) at send time.
CREATE TABLE notifications (
  id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  line_ref        BIGINT NOT NULL UNIQUE REFERENCES payment_lines (id),
  beneficiary_id  BIGINT NOT NULL REFERENCES beneficiaries (id),
  text            TEXT NOT NULL,
  status          TEXT NOT NULL CHECK (status IN ('pending', 'sending', 'sent', 'delivered', 'retry',
                    'failed', 'no_phone')),
  attempts        INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
  client_ref      TEXT UNIQUE,
  gateway_id      TEXT,
  last_error      TEXT,
  created_at      TEXT NOT NULL,
  updated_at      TEXT NOT NULL
);
CREATE INDEX notifications_status ON notifications (status);

-- How far a feed of an outside system was read: "sms:<base URL>" (delivery
-- receipts), "bank-returns:<base URL>" (camt.054 entries).
CREATE TABLE gateway_cursors (
  feed      TEXT PRIMARY KEY,
  last_seq  BIGINT NOT NULL CHECK (last_seq >= 0)
);
