-- The beneficiary register (DESIGN.md §3). SQLite dialect: dates are ISO text,
-- months 'YYYY-MM' text, instants UTC 'YYYY-MM-DDTHH:MM:SSZ' text (sortable,
-- supplied by the caller), flags 0/1, money INTEGER đồng.
-- citizen_id, phone and account_number are plain TEXT for now; the store reads
-- and writes them in one place (store/registry_sensitive.h) so that encryption
-- at rest is a local change.

CREATE TABLE beneficiaries (
  id                     INTEGER PRIMARY KEY,
  code                   TEXT NOT NULL UNIQUE CHECK (length(code) BETWEEN 1 AND 32),
  full_name              TEXT NOT NULL CHECK (length(full_name) BETWEEN 1 AND 400),
  name_key               TEXT NOT NULL,
  -- 'YYYY' when only the year is known (registers of the elderly), else ISO.
  birth_date             TEXT NOT NULL CHECK (length(birth_date) IN (4, 10)),
  sex                    TEXT NOT NULL CHECK (sex IN ('male', 'female')),
  citizen_id             TEXT NOT NULL,
  phone                  TEXT NOT NULL,
  commune_code           TEXT NOT NULL CHECK (length(commune_code) = 5),
  commune_edition        TEXT NOT NULL CHECK (commune_edition IN ('pre2025', '2025')),
  address                TEXT NOT NULL,
  policy_group           TEXT NOT NULL CHECK (policy_group IN ('NCC', 'BTXH')),
  status                 TEXT NOT NULL CHECK (status IN ('active', 'suspended', 'terminated')),
  termination_reason     TEXT CHECK (termination_reason IN ('death', 'moved', 'ineligible')),
  termination_date       TEXT CHECK (termination_date IS NULL OR date(termination_date) IS termination_date),
  destination_commune    TEXT,
  termination_effective  TEXT CHECK (termination_effective IS NULL OR length(termination_effective) = 7),
  special_case           INTEGER NOT NULL CHECK (special_case IN (0, 1)),
  has_smartphone         INTEGER NOT NULL CHECK (has_smartphone IN (0, 1)),
  paid_through           TEXT CHECK (paid_through IS NULL OR length(paid_through) = 7),
  created_at             TEXT NOT NULL,
  updated_at             TEXT NOT NULL,
  CHECK ((status = 'terminated') = (termination_reason IS NOT NULL)),
  CHECK ((status = 'terminated') = (termination_effective IS NOT NULL))
);
CREATE INDEX beneficiaries_name_key ON beneficiaries (name_key);
CREATE INDEX beneficiaries_commune ON beneficiaries (commune_code, policy_group, status);
CREATE INDEX beneficiaries_group_status ON beneficiaries (policy_group, status);
CREATE INDEX beneficiaries_citizen_id ON beneficiaries (citizen_id);

CREATE TABLE entitlements (
  id               INTEGER PRIMARY KEY,
  beneficiary_id   INTEGER NOT NULL REFERENCES beneficiaries (id),
  policy_code      TEXT NOT NULL,
  start_month      TEXT NOT NULL CHECK (length(start_month) = 7),
  end_month        TEXT CHECK (end_month IS NULL OR (length(end_month) = 7 AND end_month >= start_month)),
  decision_number  TEXT NOT NULL,
  fixed_amount_vnd INTEGER CHECK (fixed_amount_vnd IS NULL OR fixed_amount_vnd > 0),
  UNIQUE (beneficiary_id, policy_code, start_month)
);

-- At most one representative per beneficiary: the one the payment method names.
CREATE TABLE representatives (
  beneficiary_id       INTEGER PRIMARY KEY REFERENCES beneficiaries (id),
  kind                 TEXT NOT NULL CHECK (kind IN ('authorised', 'guardian')),
  full_name            TEXT NOT NULL,
  citizen_id           TEXT NOT NULL,
  phone                TEXT NOT NULL,
  relationship         TEXT NOT NULL,
  authorisation_number TEXT NOT NULL,
  authorisation_date   TEXT CHECK (authorisation_date IS NULL OR date(authorisation_date) IS authorisation_date),
  valid_from           TEXT CHECK (valid_from IS NULL OR date(valid_from) IS valid_from),
  valid_to             TEXT CHECK (valid_to IS NULL OR date(valid_to) IS valid_to),
  confirmed_by         TEXT NOT NULL,
  confirmed_on         TEXT CHECK (confirmed_on IS NULL OR date(confirmed_on) IS confirmed_on)
);

-- The current payment method; earlier ones live in beneficiary_history.
CREATE TABLE payment_methods (
  beneficiary_id  INTEGER PRIMARY KEY REFERENCES beneficiaries (id),
  channel         TEXT NOT NULL CHECK (channel IN ('CASH_PAYPOINT', 'CASH_HOME', 'BANK_ACCOUNT', 'MOBILE_MONEY')),
  recipient       TEXT NOT NULL CHECK (recipient IN ('SELF', 'AUTHORISED', 'GUARDIAN')),
  bin             TEXT NOT NULL,
  account_number  TEXT NOT NULL,
  holder_name     TEXT NOT NULL,
  consent         INTEGER NOT NULL CHECK (consent IN (0, 1)),
  effective_month TEXT NOT NULL CHECK (length(effective_month) = 7),
  valid           INTEGER NOT NULL CHECK (valid IN (0, 1)),
  problems        TEXT NOT NULL
);
CREATE INDEX payment_methods_channel ON payment_methods (channel, recipient);

-- The commune's worklist.
CREATE TABLE findings (
  id             INTEGER PRIMARY KEY,
  beneficiary_id INTEGER NOT NULL REFERENCES beneficiaries (id),
  field          TEXT NOT NULL,
  code           TEXT NOT NULL,
  message        TEXT NOT NULL,
  status         TEXT NOT NULL CHECK (status IN ('open', 'resolved')),
  created_at     TEXT NOT NULL
);
CREATE INDEX findings_beneficiary ON findings (beneficiary_id, status);

-- Every change to a person, with the whole aggregate after it (and before it,
-- when there was one) as JSON, so "what did we know on day D" is one lookup.
CREATE TABLE beneficiary_history (
  id                 INTEGER PRIMARY KEY,
  beneficiary_id     INTEGER NOT NULL REFERENCES beneficiaries (id),
  changed_at         TEXT NOT NULL,
  changed_by         TEXT NOT NULL,
  change_kind        TEXT NOT NULL,
  reason             TEXT NOT NULL,
  effective_month    TEXT NOT NULL CHECK (length(effective_month) = 7),
  security_relevant  INTEGER NOT NULL CHECK (security_relevant IN (0, 1)),
  before_json        TEXT,
  after_json         TEXT NOT NULL
);
CREATE INDEX beneficiary_history_person ON beneficiary_history (beneficiary_id, changed_at);
CREATE INDEX beneficiary_history_security ON beneficiary_history (security_relevant, changed_at);

CREATE TABLE import_runs (
  id             INTEGER PRIMARY KEY,
  file_name      TEXT NOT NULL,
  content_bytes  INTEGER NOT NULL,
  content_hash   TEXT NOT NULL,
  mode           TEXT NOT NULL CHECK (mode IN ('all_or_nothing', 'partial')),
  data_rows      INTEGER NOT NULL,
  accepted_rows  INTEGER NOT NULL,
  rejected_rows  INTEGER NOT NULL,
  beneficiaries  INTEGER NOT NULL,
  findings       INTEGER NOT NULL,
  imported_by    TEXT NOT NULL,
  imported_at    TEXT NOT NULL
);
CREATE INDEX import_runs_content ON import_runs (content_hash);
