-- What happens after a batch is sent (issue 5 items 4, 5 and 10;
-- docs/disbursement.md "Results, returns and fallbacks"): returned funds,
-- provider result sheets, the follow-up of rejections, re-issues and unclaimed
-- cash. SQLite dialect; the PostgreSQL file says the same.

-- What kind of file a recorded report was. A pain.002 keeps its MsgId as it
-- is; a camt.054 is recorded as 'camt054:<MsgId>' and a provider's sheet as
-- 'sha256:<hex of the file>', so the kinds can never take each other's key.
ALTER TABLE ingested_reports ADD COLUMN kind TEXT NOT NULL DEFAULT 'pain.002'
  CHECK (kind IN ('pain.002', 'camt.054', 'sheet'));

-- A cash payment reported by the provider's sheet: the day it was paid.
ALTER TABLE payment_results ADD COLUMN paid_on TEXT CHECK (paid_on IS NULL OR length(paid_on) = 10);

-- Funds that came back after the line was reported paid (camt.054): the line
-- becomes 'returned'. One return per attempt.
CREATE TABLE payment_returns (
  batch_ref    INTEGER NOT NULL REFERENCES disbursement_batches (id),
  line_ref     INTEGER NOT NULL REFERENCES payment_lines (id),
  report_ref   INTEGER NOT NULL REFERENCES ingested_reports (id),
  amount_vnd   INTEGER NOT NULL CHECK (amount_vnd > 0),
  reason_code  TEXT,
  booked_on    TEXT,
  PRIMARY KEY (batch_ref, line_ref)
);

-- The follow-up of a rejection, done once per attempt after the result is
-- recorded: 'suspend' (MD07, deceased: the person is suspended and a finding
-- opened), 'block_method' (AC01/AC04/AC06: the payment method is marked
-- invalid so the next payroll holds the line), 'none' (any other reason).
CREATE TABLE payment_fallbacks (
  batch_ref    INTEGER NOT NULL REFERENCES disbursement_batches (id),
  line_ref     INTEGER NOT NULL REFERENCES payment_lines (id),
  reason_code  TEXT NOT NULL,
  action       TEXT NOT NULL CHECK (action IN ('suspend', 'block_method', 'none')),
  done_by      TEXT NOT NULL,
  done_at      TEXT NOT NULL,
  PRIMARY KEY (batch_ref, line_ref)
);

-- A failed attempt re-issued: its batch item is no longer live and the line
-- is pending again, on `channel`, for the next batch sequence. One re-issue
-- per attempt; a line is still never live in two batches (batch_items_live_line).
CREATE TABLE payment_reissues (
  id              INTEGER PRIMARY KEY,
  line_ref        INTEGER NOT NULL REFERENCES payment_lines (id),
  from_batch_ref  INTEGER NOT NULL REFERENCES disbursement_batches (id),
  from_channel    TEXT NOT NULL,
  channel         TEXT NOT NULL CHECK (channel IN ('CASH_PAYPOINT', 'CASH_HOME', 'BANK_ACCOUNT', 'MOBILE_MONEY')),
  amount_vnd      INTEGER NOT NULL CHECK (amount_vnd > 0),
  reissued_by     TEXT NOT NULL,
  reissued_at     TEXT NOT NULL,
  UNIQUE (line_ref, from_batch_ref)
);
CREATE INDEX payment_reissues_line ON payment_reissues (line_ref);

-- Cash not reported paid within the configured days after the pay-by date:
-- the line is 'returned' and its money back in the budget (the audit reads
-- this table to tell it from a return that waits for a re-issue).
CREATE TABLE unclaimed_cash (
  batch_ref    INTEGER NOT NULL REFERENCES disbursement_batches (id),
  line_ref     INTEGER NOT NULL REFERENCES payment_lines (id),
  amount_vnd   INTEGER NOT NULL CHECK (amount_vnd > 0),
  as_of        TEXT NOT NULL CHECK (length(as_of) = 10),
  expired_by   TEXT NOT NULL,
  expired_at   TEXT NOT NULL,
  PRIMARY KEY (batch_ref, line_ref)
);
