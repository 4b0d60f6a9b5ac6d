-- Reference data loaded by `ansinh init` (data/README.md). SQLite dialect:
-- dates are ISO 'YYYY-MM-DD' text checked by date(), money is INTEGER đồng
-- (64-bit), coefficients are exact decimal text.

-- Both editions of the administrative map. Codes repeat between editions (new
-- commune 00004 is not old commune 00004), hence the surrogate id.
CREATE TABLE admin_units (
  id            INTEGER PRIMARY KEY,
  edition       TEXT NOT NULL CHECK (edition IN ('pre2025', '2025')),
  level         TEXT NOT NULL CHECK (level IN ('province', 'district', 'commune')),
  code          TEXT NOT NULL CHECK (length(code) BETWEEN 2 AND 5 AND code NOT GLOB '*[^0-9]*'),
  name          TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  division_type TEXT NOT NULL,
  parent_id     INTEGER REFERENCES admin_units (id),
  valid_from    TEXT CHECK (valid_from IS NULL OR date(valid_from) IS valid_from),
  valid_to      TEXT CHECK (valid_to IS NULL OR date(valid_to) IS valid_to),
  UNIQUE (edition, level, code),
  CHECK ((level = 'province') = (parent_id IS NULL))
);
CREATE INDEX admin_units_parent ON admin_units (parent_id);

-- Old unit → new unit. A partly merged old commune has several successors.
CREATE TABLE admin_unit_successors (
  predecessor_id INTEGER NOT NULL REFERENCES admin_units (id),
  successor_id   INTEGER NOT NULL REFERENCES admin_units (id),
  transfer       TEXT NOT NULL CHECK (transfer IN ('whole', 'partial', 'unspecified')),
  note           TEXT NOT NULL,
  PRIMARY KEY (predecessor_id, successor_id)
);
CREATE INDEX admin_unit_successors_successor ON admin_unit_successors (successor_id);

-- Banks and mobile-money providers by NAPAS BIN.
CREATE TABLE payment_institutions (
  bin        TEXT PRIMARY KEY CHECK (length(bin) = 6 AND bin NOT GLOB '*[^0-9]*'),
  code       TEXT NOT NULL,
  short_name TEXT NOT NULL,
  full_name  TEXT NOT NULL,
  kind       TEXT NOT NULL CHECK (kind IN ('bank', 'mobile_money')),
  swift_code TEXT
);

-- Mức chuẩn: the base that coefficients multiply.
CREATE TABLE standard_levels (
  kind           TEXT NOT NULL,
  amount_vnd     INTEGER NOT NULL CHECK (amount_vnd > 0),
  effective_from TEXT NOT NULL CHECK (date(effective_from) IS effective_from),
  legal_basis    TEXT NOT NULL,
  verification   TEXT NOT NULL,
  PRIMARY KEY (kind, effective_from)
);

-- One row per policy, age band and effective period (policy_rates.csv).
CREATE TABLE policy_rates (
  policy_code    TEXT NOT NULL,
  policy_group   TEXT NOT NULL CHECK (policy_group IN ('BTXH', 'NCC')),
  name_vi        TEXT NOT NULL,
  basis          TEXT NOT NULL CHECK (basis IN ('COEFFICIENT', 'FIXED')),
  age_from_years INTEGER NOT NULL DEFAULT 0 CHECK (age_from_years >= 0),
  age_to_years   INTEGER CHECK (age_to_years IS NULL OR age_to_years > age_from_years),
  coefficient    TEXT CHECK (coefficient IS NULL OR coefficient NOT GLOB '*[^0-9.]*'),
  amount_vnd     INTEGER CHECK (amount_vnd IS NULL OR amount_vnd > 0),
  effective_from TEXT NOT NULL CHECK (date(effective_from) IS effective_from),
  effective_to   TEXT CHECK (effective_to IS NULL OR date(effective_to) IS effective_to),
  legal_basis    TEXT NOT NULL,
  PRIMARY KEY (policy_code, age_from_years, effective_from),
  CHECK ((basis = 'COEFFICIENT' AND coefficient IS NOT NULL AND amount_vnd IS NULL)
      OR (basis = 'FIXED' AND amount_vnd IS NOT NULL AND coefficient IS NULL))
);

-- First three digits of a CCCD: the province of registration.
CREATE TABLE citizen_id_provinces (
  cccd_code         TEXT PRIMARY KEY CHECK (length(cccd_code) = 3),
  gso_province_code TEXT NOT NULL,
  province_name     TEXT NOT NULL
);

CREATE TABLE mobile_prefixes (
  prefix         TEXT PRIMARY KEY CHECK (length(prefix) = 3),
  carrier        TEXT NOT NULL,
  converted_from TEXT NOT NULL,
  verification   TEXT NOT NULL
);
