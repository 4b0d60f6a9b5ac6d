-- The monthly payroll (issue 4, DESIGN.md §3 PayCycle/PaymentLine). SQLite
-- dialect: months 'YYYY-MM' text, instants UTC 'YYYY-MM-DDTHH:MM:SSZ' text,
-- money INTEGER đồng.

-- One period of one paying office (a pre-2025 district, a province, or a
-- commune cluster). Locked once approved: corrections are lines of a later cycle.
CREATE TABLE pay_cycles (
  id                INTEGER PRIMARY KEY,
  unit_code         TEXT NOT NULL CHECK (length(unit_code) IN (2, 3, 5)),
  unit_edition      TEXT NOT NULL CHECK (unit_edition IN ('pre2025', '2025')),
  period            TEXT NOT NULL CHECK (length(period) = 7),
  status            TEXT NOT NULL CHECK (status IN ('draft', 'approved')),
  prepared_by       TEXT NOT NULL,
  prepared_at       TEXT NOT NULL,
  approved_by       TEXT,
  approved_at       TEXT,
  -- The run that built the lines: a hash of its inputs' outcome and counts,
  -- so two runs can be compared without reading every line.
  run_fingerprint   TEXT NOT NULL,
  line_count        INTEGER NOT NULL CHECK (line_count >= 0),
  amount_vnd        INTEGER NOT NULL,
  receivable_count  INTEGER NOT NULL CHECK (receivable_count >= 0),
  UNIQUE (unit_code, unit_edition, period),
  CHECK ((status = 'approved') = (approved_by IS NOT NULL)),
  CHECK (approved_by IS NULL OR approved_by <> prepared_by)
);

-- The first period ansinh pays for an office: months before it were paid by
-- the previous system and are never recomputed. Set by the office's first run.
CREATE TABLE office_go_live (
  unit_code     TEXT NOT NULL,
  unit_edition  TEXT NOT NULL CHECK (unit_edition IN ('pre2025', '2025')),
  first_period  TEXT NOT NULL CHECK (length(first_period) = 7),
  set_by        TEXT NOT NULL,
  set_at        TEXT NOT NULL,
  PRIMARY KEY (unit_code, unit_edition)
);

-- Funeral support and other decisions paid once, in the cycle of `period`.
CREATE TABLE one_off_payments (
  id              INTEGER PRIMARY KEY,
  beneficiary_id  INTEGER NOT NULL REFERENCES beneficiaries (id),
  period          TEXT NOT NULL CHECK (length(period) = 7),
  decision_number TEXT NOT NULL CHECK (length(decision_number) BETWEEN 1 AND 100),
  reason          TEXT NOT NULL,
  amount_vnd      INTEGER NOT NULL CHECK (amount_vnd > 0),
  created_by      TEXT NOT NULL,
  created_at      TEXT NOT NULL,
  UNIQUE (beneficiary_id, decision_number)
);
CREATE INDEX one_off_payments_person ON one_off_payments (beneficiary_id, period);

-- One payment of one cycle. line_id is stable across re-runs of a draft (it
-- is built from the exactly-once key), so a re-run is byte-for-byte the same.
CREATE TABLE payment_lines (
  id               INTEGER PRIMARY KEY,
  line_id          TEXT NOT NULL,
  cycle_id         INTEGER NOT NULL REFERENCES pay_cycles (id),
  period           TEXT NOT NULL CHECK (length(period) = 7),
  beneficiary_id   INTEGER NOT NULL REFERENCES beneficiaries (id),
  beneficiary_code TEXT NOT NULL,
  entitlement_id   INTEGER REFERENCES entitlements (id),
  one_off_id       INTEGER REFERENCES one_off_payments (id),
  policy_code      TEXT NOT NULL,
  kind             TEXT NOT NULL CHECK (kind IN ('REGULAR', 'ARREARS', 'RECOVERY', 'ONE_OFF')),
  for_period       TEXT NOT NULL CHECK (length(for_period) = 7),
  amount_vnd       INTEGER NOT NULL,
  channel          TEXT NOT NULL CHECK (channel IN ('CASH_PAYPOINT', 'CASH_HOME', 'BANK_ACCOUNT', 'MOBILE_MONEY')),
  recipient        TEXT NOT NULL CHECK (recipient IN ('SELF', 'AUTHORISED', 'GUARDIAN')),
  status           TEXT NOT NULL CHECK (status IN ('pending', 'held', 'sent', 'paid', 'failed',
                     'returned', 'paid_cash', 'cancelled')),
  hold_reason      TEXT,
  commune_code     TEXT NOT NULL,  -- the pay point of cash lines (no pay-point data yet)
  CHECK ((kind = 'ONE_OFF') = (entitlement_id IS NULL)),
  CHECK ((kind = 'RECOVERY') = (amount_vnd < 0)),
  CHECK ((status = 'held') = (hold_reason IS NOT NULL)),
  -- The exactly-once key (DESIGN.md §3): one line per period, entitlement,
  -- kind and month paid for, whatever office or run produced it.
  UNIQUE (entitlement_id, for_period, kind, period)
);
-- A one-off decision is paid once; partial, so the regular lines (no one-off)
-- cost no index entry.
CREATE UNIQUE INDEX payment_lines_one_off ON payment_lines (one_off_id) WHERE one_off_id IS NOT NULL;
CREATE INDEX payment_lines_cycle ON payment_lines (cycle_id);
CREATE INDEX payment_lines_person ON payment_lines (beneficiary_id);

-- A line released from HELD to cash by a district officer. Kept apart from
-- the line so that a re-run of the draft keeps the decision.
CREATE TABLE payment_line_releases (
  line_id      TEXT PRIMARY KEY,
  released_by  TEXT NOT NULL,
  released_at  TEXT NOT NULL
);

-- What could not be netted against a person's payments (e.g. after death):
-- recovered outside the payroll, never a negative payment.
CREATE TABLE recovery_receivables (
  id               INTEGER PRIMARY KEY,
  cycle_id         INTEGER NOT NULL REFERENCES pay_cycles (id),
  period           TEXT NOT NULL CHECK (length(period) = 7),
  beneficiary_id   INTEGER NOT NULL REFERENCES beneficiaries (id),
  beneficiary_code TEXT NOT NULL,
  entitlement_id   INTEGER NOT NULL REFERENCES entitlements (id),
  for_period       TEXT NOT NULL CHECK (length(for_period) = 7),
  amount_vnd       INTEGER NOT NULL CHECK (amount_vnd > 0),
  status           TEXT NOT NULL CHECK (status IN ('open', 'settled')),
  UNIQUE (entitlement_id, for_period, period)
);
CREATE INDEX recovery_receivables_cycle ON recovery_receivables (cycle_id);
CREATE INDEX recovery_receivables_person ON recovery_receivables (beneficiary_id);

-- Rates added by a province officer after init, and by whom.
ALTER TABLE standard_levels ADD COLUMN added_by TEXT;
ALTER TABLE policy_rates ADD COLUMN added_by TEXT;
