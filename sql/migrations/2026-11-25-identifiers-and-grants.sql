-- For a database created before 2026-11-25 (a docker compose volume, an external server): the
-- schema files only create what is missing, so an existing database keeps its old definitions.
-- Run this once, as an administrator, before starting the new services:
--   mysql -u root -p < sql/migrations/2026-11-25-identifiers-and-grants.sql
-- then run sql/bank1.sql and sql/bank1_pay.sql again (they create the new tables, suspense and
-- payment_refund, and leave everything else alone), then apply sql/service-grants.sql.
-- What it changes, and why (docs/reliability.md, "Hardening after an outside review"):
--   identifiers compare byte for byte ('Order-7' and 'order-7' were one idempotency key, and a
--   payment to 'ABC' credited the account 'abc'); an idempotency key is scoped to its account;
--   the services' users lose the UPDATE and DELETE they do not use.
-- Refused if two identifiers differ only in case: look at those rows first.
-- Runs on MySQL 8.x and MariaDB 10.11+ alike (hence no CREATE INDEX IF NOT EXISTS, which MySQL lacks).

-- First, so that a failure further down cannot leave the old, wide grants in place.
REVOKE ALL PRIVILEGES, GRANT OPTION FROM 'dtx_pay'@'%';
REVOKE ALL PRIVILEGES, GRANT OPTION FROM 'dtx_account'@'%';

ALTER TABLE bank1_pay.account_pay
  MODIFY id              VARCHAR(64)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  MODIFY account_no      VARCHAR(64)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  MODIFY idempotency_key VARCHAR(128) CHARACTER SET ascii COLLATE ascii_bin NULL,
  DROP INDEX uk_account_pay_idempotency_key,
  ADD UNIQUE KEY uk_account_pay_idempotency_key (account_no, idempotency_key);

ALTER TABLE bank1.account_info
  MODIFY account_no VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL;

ALTER TABLE bank1.de_duplication
  MODIFY tx_no      VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  MODIFY account_no VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL;

-- The deep sweep sums credits per window of paid_at: add the index unless it is there.
SET @add_paid_at_index = IF(
  (SELECT COUNT(*) FROM information_schema.statistics
   WHERE table_schema = 'bank1' AND table_name = 'de_duplication' AND index_name = 'idx_de_duplication_paid_at') = 0,
  'ALTER TABLE bank1.de_duplication ADD INDEX idx_de_duplication_paid_at (paid_at)',
  'DO 0');
PREPARE add_paid_at_index FROM @add_paid_at_index;
EXECUTE add_paid_at_index;
DEALLOCATE PREPARE add_paid_at_index;

ALTER TABLE bank1.poison_message
  MODIFY tx_no  VARCHAR(64)  CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NULL,
  MODIFY msg_id VARCHAR(128) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NULL;
