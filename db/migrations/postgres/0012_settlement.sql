-- Settlement (issue 5 item 6; docs/disbursement.md "Settlement"): the
-- Treasury's advance to a provider (route 1) or its payment orders (route 2)
-- for a cycle's payer, the settlement of each payer, and the returned
-- transfers whose money it sent back to the budget. PostgreSQL dialect; the
-- SQLite file says the same. Money in integer đồng. The cycle's stage
-- (approved → funded → disbursing → reconciled → settled) is derived from
-- these rows and the lines (core::DeriveCycleStage), never stored.

-- An advance (tạm ứng, route 1) or a payment order (ủy nhiệm chi, route 2).
-- The order number makes recording it idempotent.
CREATE TABLE settlement_fundings (
  id             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  cycle_id       BIGINT NOT NULL REFERENCES pay_cycles (id),
  provider_code  TEXT NOT NULL CHECK (length(provider_code) BETWEEN 1 AND 12),
  route_kind     TEXT NOT NULL CHECK (route_kind IN ('TREASURY_DIRECT', 'PROVIDER')),
  order_number   TEXT NOT NULL CHECK (length(order_number) BETWEEN 1 AND 50),
  order_date     TEXT NOT NULL CHECK (length(order_date) = 10),
  amount_vnd     BIGINT NOT NULL CHECK (amount_vnd > 0),
  recorded_by    TEXT NOT NULL,
  recorded_at    TEXT NOT NULL,
  UNIQUE (cycle_id, provider_code, order_number)
);

-- One settlement per cycle and payer, with its figures as settled (`detail`:
-- the per-channel breakdown as JSON, what the report prints). The equation
-- holds on the stored figures; `ansinh audit` checks it, and that funded_vnd
-- is the payer's fundings and to_budget_vnd its settlement_returns.
CREATE TABLE settlements (
  id                BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  cycle_id          BIGINT NOT NULL REFERENCES pay_cycles (id),
  provider_code     TEXT NOT NULL,
  route_kind        TEXT NOT NULL CHECK (route_kind IN ('TREASURY_DIRECT', 'PROVIDER')),
  funded_vnd        BIGINT NOT NULL CHECK (funded_vnd > 0),
  paid_account_vnd  BIGINT NOT NULL CHECK (paid_account_vnd >= 0),
  paid_cash_vnd     BIGINT NOT NULL CHECK (paid_cash_vnd >= 0),
  returned_vnd      BIGINT NOT NULL CHECK (returned_vnd >= 0),
  fees_vnd          BIGINT NOT NULL CHECK (fees_vnd >= 0),
  to_budget_vnd     BIGINT NOT NULL CHECK (to_budget_vnd >= 0),
  detail            TEXT NOT NULL,
  settled_by        TEXT NOT NULL,
  settled_at        TEXT NOT NULL,
  UNIQUE (cycle_id, provider_code)
);

-- The failed or returned attempts whose money the settlement moved from
-- `returned` back to `budget` (the audit reads this table, as it reads
-- unclaimed_cash); such an attempt is never re-issued.
CREATE TABLE settlement_returns (
  settlement_ref  BIGINT NOT NULL REFERENCES settlements (id),
  batch_ref       BIGINT NOT NULL REFERENCES disbursement_batches (id),
  line_ref        BIGINT NOT NULL REFERENCES payment_lines (id),
  amount_vnd      BIGINT NOT NULL CHECK (amount_vnd > 0),
  PRIMARY KEY (batch_ref, line_ref)
);
CREATE INDEX settlement_returns_settlement ON settlement_returns (settlement_ref);
