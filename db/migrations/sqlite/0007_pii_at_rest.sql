-- Personal data at rest (issue 6 item 5). From this version on, the columns
-- beneficiaries.citizen_id and .phone, representatives.citizen_id and .phone,
-- payment_methods.account_number and beneficiary_history.before_json and
-- .after_json hold values sealed by the application (XChaCha20-Poly1305,
-- "v1:<key id>:<base64url>", crypto/field_cipher.h) under a key kept outside
-- the database. Rows written before this version are still clear text here;
-- `ansinh init` (and `ansinh keys rotate`) seals them.
--
-- Lookups and duplicate detection use a keyed blind index (BLAKE2b-128, hex)
-- instead of the sealed value, which differs on every write.

ALTER TABLE beneficiaries ADD COLUMN citizen_id_index TEXT;
ALTER TABLE representatives ADD COLUMN citizen_id_index TEXT;
ALTER TABLE payment_methods ADD COLUMN account_number_index TEXT;

-- An index over sealed text would order random bytes; the blind index is what
-- searches compare.
DROP INDEX beneficiaries_citizen_id;
CREATE INDEX beneficiaries_citizen_id_index ON beneficiaries (citizen_id_index);
CREATE INDEX representatives_citizen_id_index ON representatives (citizen_id_index);
CREATE INDEX payment_methods_account_number_index ON payment_methods (account_number_index);
