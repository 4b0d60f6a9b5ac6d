-- Disbursement (issue 5, docs/disbursement.md): how each paying office pays
-- each group, the batches handed to payers, and the double-entry ledger.
-- PostgreSQL dialect: instants UTC text, money BIGINT đồng, fees in đồng and
-- basis points (1/100 of a percent): no floating point anywhere.

-- The route of (paying office, group): route 1 through a provider, route 2
-- directly by the Treasury. One row per office and group, replaced by `route set`.
CREATE TABLE disbursement_routes (
  id               BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  unit_code        TEXT NOT NULL CHECK (length(unit_code) IN (2, 3, 5)),
  unit_edition     TEXT NOT NULL CHECK (unit_edition IN ('pre2025', '2025')),
  policy_group     TEXT NOT NULL CHECK (policy_group IN ('NCC', 'BTXH')),
  route_kind       TEXT NOT NULL CHECK (route_kind IN ('TREASURY_DIRECT', 'PROVIDER')),
  provider_code    TEXT NOT NULL CHECK (length(provider_code) BETWEEN 1 AND 12),
  provider_name    TEXT NOT NULL,
  contract_number  TEXT NOT NULL CHECK (length(contract_number) BETWEEN 1 AND 100),
  source_account   TEXT NOT NULL CHECK (length(source_account) BETWEEN 1 AND 34),
  fee_kind         TEXT NOT NULL CHECK (fee_kind IN ('FIXED', 'PERCENT')),
  fee_fixed_vnd    BIGINT NOT NULL CHECK (fee_fixed_vnd >= 0),
  fee_bps          INTEGER NOT NULL CHECK (fee_bps BETWEEN 0 AND 10000),
  fee_min_vnd      BIGINT NOT NULL CHECK (fee_min_vnd >= 0),
  fee_max_vnd      BIGINT NOT NULL CHECK (fee_max_vnd >= fee_min_vnd),
  pay_by_day       INTEGER NOT NULL DEFAULT 15 CHECK (pay_by_day BETWEEN 1 AND 28),
  set_by           TEXT NOT NULL,
  set_at           TEXT NOT NULL,
  UNIQUE (unit_code, unit_edition, policy_group)
);

-- One batch per cycle, route, provider and channel (and sequence, when lines
-- become payable after the first export). The route and fee rule are copied
-- so that changing a route never changes what a batch was.
CREATE TABLE disbursement_batches (
  id               BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  batch_id         TEXT NOT NULL UNIQUE CHECK (length(batch_id) BETWEEN 1 AND 35),
  cycle_id         BIGINT NOT NULL REFERENCES pay_cycles (id),
  route_kind       TEXT NOT NULL CHECK (route_kind IN ('TREASURY_DIRECT', 'PROVIDER')),
  provider_code    TEXT NOT NULL,
  provider_name    TEXT NOT NULL,
  contract_number  TEXT NOT NULL,
  source_account   TEXT NOT NULL,
  channel          TEXT NOT NULL CHECK (channel IN ('CASH_PAYPOINT', 'CASH_HOME', 'BANK_ACCOUNT', 'MOBILE_MONEY')),
  sequence         INTEGER NOT NULL CHECK (sequence >= 1),
  status           TEXT NOT NULL CHECK (status IN ('open', 'closed')),
  fee_kind         TEXT NOT NULL CHECK (fee_kind IN ('FIXED', 'PERCENT')),
  fee_fixed_vnd    BIGINT NOT NULL,
  fee_bps          INTEGER NOT NULL,
  fee_min_vnd      BIGINT NOT NULL,
  fee_max_vnd      BIGINT NOT NULL,
  pay_by_date      TEXT NOT NULL CHECK (length(pay_by_date) = 10),
  transfer_count   INTEGER NOT NULL CHECK (transfer_count >= 0),
  total_vnd        BIGINT NOT NULL CHECK (total_vnd >= 0),
  fee_vnd          BIGINT NOT NULL CHECK (fee_vnd >= 0),
  created_by       TEXT NOT NULL,
  created_at       TEXT NOT NULL,
  UNIQUE (cycle_id, route_kind, provider_code, channel, sequence)
);

-- The lines of a batch with what is transferred for each (the line's amount
-- less the person's recoveries netted against it). `live` is 1 while the
-- line's payment through this batch is in progress or done; a line is never
-- live in two batches (the partial unique index), so it is never paid twice.
CREATE TABLE batch_items (
  batch_ref     BIGINT NOT NULL REFERENCES disbursement_batches (id),
  line_ref      BIGINT NOT NULL REFERENCES payment_lines (id),
  line_id       TEXT NOT NULL,
  position      INTEGER NOT NULL CHECK (position >= 1),
  transfer_vnd  BIGINT NOT NULL CHECK (transfer_vnd >= 0),
  live          INTEGER NOT NULL CHECK (live IN (0, 1)),
  PRIMARY KEY (batch_ref, position)
);
CREATE UNIQUE INDEX batch_items_live_line ON batch_items (line_ref) WHERE live = 1;
CREATE INDEX batch_items_line_id ON batch_items (line_id);

-- The ledger: a transfer per event (transfer_key makes posting idempotent),
-- its legs in ledger_entries summing to zero (checked by core::LedgerTransfer
-- before writing and by `ansinh audit` after). cycle_id carries no foreign
-- key: the ledger is append-only history that `ansinh audit` reconciles
-- against the cycles, and it must not pin a cycle row.
CREATE TABLE ledger_transfers (
  id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  transfer_key  TEXT NOT NULL UNIQUE,
  cycle_id      BIGINT NOT NULL,
  event         TEXT NOT NULL,
  reference     TEXT NOT NULL,
  created_at    TEXT NOT NULL
);
CREATE TABLE ledger_entries (
  transfer_id  BIGINT NOT NULL REFERENCES ledger_transfers (id),
  cycle_id     BIGINT NOT NULL,
  account      TEXT NOT NULL CHECK (account IN ('budget', 'payable', 'treasury_advance',
                 'provider_float', 'cash_held', 'paid', 'returned', 'service_fees',
                 'recovery_receivable')),
  amount_vnd   BIGINT NOT NULL CHECK (amount_vnd <> 0)
);
CREATE INDEX ledger_entries_transfer ON ledger_entries (transfer_id);
CREATE INDEX ledger_entries_cycle_account ON ledger_entries (cycle_id, account);

-- Status reports ingested (pain.002.001.10). The report's message id makes
-- ingest idempotent: the same file twice changes nothing.
CREATE TABLE ingested_reports (
  id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  message_id    TEXT NOT NULL UNIQUE,
  batch_id      TEXT NOT NULL,
  transactions  INTEGER NOT NULL CHECK (transactions >= 0),
  ingested_by   TEXT NOT NULL,
  ingested_at   TEXT NOT NULL
);
-- The final result of a line in a batch, with the bank's reason code.
CREATE TABLE payment_results (
  batch_ref    BIGINT NOT NULL REFERENCES disbursement_batches (id),
  line_ref     BIGINT NOT NULL REFERENCES payment_lines (id),
  report_ref   BIGINT NOT NULL REFERENCES ingested_reports (id),
  status       TEXT NOT NULL CHECK (status IN ('paid', 'failed')),
  reason_code  TEXT,
  PRIMARY KEY (batch_ref, line_ref),
  CHECK ((status = 'failed') = (reason_code IS NOT NULL))
);

-- Cycles approved before this migration get the posting their approval
-- would make now (app/ledger_posting.cc PostCycleApproval), so the audit of
-- an existing database starts balanced.
INSERT INTO ledger_transfers (transfer_key, cycle_id, event, reference, created_at)
SELECT 'approve:' || c.id, c.id, 'cycle.approve', c.unit_code || '/' || c.period, c.approved_at
FROM pay_cycles c
WHERE c.status = 'approved' AND (c.amount_vnd <> 0 OR EXISTS
  (SELECT 1 FROM recovery_receivables r WHERE r.cycle_id = c.id AND r.status = 'open'));
INSERT INTO ledger_entries (transfer_id, cycle_id, account, amount_vnd)
SELECT t.id, t.cycle_id, v.account, v.amount_vnd FROM ledger_transfers t JOIN (
  SELECT c.id AS cycle_id, 'budget' AS account,
         COALESCE((SELECT SUM(r.amount_vnd) FROM recovery_receivables r
                   WHERE r.cycle_id = c.id AND r.status = 'open'), 0) - c.amount_vnd AS amount_vnd
  FROM pay_cycles c WHERE c.status = 'approved'
  UNION ALL
  SELECT c.id, 'payable', c.amount_vnd FROM pay_cycles c WHERE c.status = 'approved'
  UNION ALL
  SELECT c.id, 'recovery_receivable',
         -COALESCE((SELECT SUM(r.amount_vnd) FROM recovery_receivables r
                    WHERE r.cycle_id = c.id AND r.status = 'open'), 0)
  FROM pay_cycles c WHERE c.status = 'approved'
) v ON v.cycle_id = t.cycle_id
WHERE t.transfer_key = 'approve:' || t.cycle_id AND v.amount_vnd <> 0;
