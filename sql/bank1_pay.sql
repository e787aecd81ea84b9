-- Pay side ("bank 2"): every recharge taken, with its fate.
-- Runs unchanged on MySQL 8.x and MariaDB 10.11+/11.x, and can be run again at any time.
-- Statements end with ';' at the end of a line: dtx-sandbox splits the file there.

CREATE DATABASE IF NOT EXISTS bank1_pay CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
USE bank1_pay;

-- One row per transaction number (tx_no, the id of the original). result is
--   'success'     the payment committed together with its half message (the broker is told COMMIT);
--   'rolled_back' a tombstone written by the broker's check-back when the payment never committed,
--                 so the answer stays ROLLBACK and a late local transaction cannot commit after it.
-- seq gives the reconciliation feed a stable order; rows may commit out of seq order, which the
-- feed's overlap window accounts for.
-- Identifiers are ASCII compared byte for byte (ascii_bin): with the table's case-insensitive
-- collation 'Order-7' and 'order-7' would be one idempotency key, and 'ABC' the account 'abc'.
-- An idempotency key is scoped to its account: two customers choosing the same key never collide.
CREATE TABLE IF NOT EXISTS account_pay (
  id              VARCHAR(64)   CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  seq             BIGINT        NOT NULL AUTO_INCREMENT,
  account_no      VARCHAR(64)   CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  pay_amount      DECIMAL(19,2) NOT NULL,
  result          VARCHAR(16)   NOT NULL,
  idempotency_key VARCHAR(128)  CHARACTER SET ascii COLLATE ascii_bin NULL,
  request_hash    CHAR(64)      NULL COMMENT 'SHA-256 of the request body, to spot a reused key',
  created_at      DATETIME(3)   NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  PRIMARY KEY (id),
  UNIQUE KEY uk_account_pay_seq (seq),
  UNIQUE KEY uk_account_pay_idempotency_key (account_no, idempotency_key),
  KEY idx_account_pay_created_at (created_at),
  -- Only the two results the code knows: a row with another would stop the binlog relay, which
  -- fails closed on what it cannot read, for every environment at once.
  CONSTRAINT ck_account_pay_result CHECK (result IN ('success', 'rolled_back'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- A payment the account side could not credit (its account does not exist) and a person decided
-- to return: the marker for whoever pays the money back. The payment row itself never changes.
CREATE TABLE IF NOT EXISTS payment_refund (
  tx_no        VARCHAR(64)   CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  reason       VARCHAR(255)  NOT NULL,
  requested_at DATETIME(3)   NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  PRIMARY KEY (tx_no)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The local message table (the articles' mq_notify, also their "event table"): with publisher
-- 'outbox' the payment row and its message row commit in one local transaction; a relay sends
-- the message afterwards and retries until the broker has acknowledged it. tx_no is the
-- articles' payment_no. status is
--   'init'     not acknowledged by the broker yet (due at next_attempt_at);
--   'finish'   the broker acknowledged it;
--   'gave_up'  no sends left ('retry' reached 0): an alarm, a person re-drives it.
-- yn is the articles' valid flag: cleanup clears it on finished rows past retention, then
-- removes them. The message is the unsigned body; it is signed with the current key when sent.
CREATE TABLE IF NOT EXISTS mq_notify (
  id              BIGINT        NOT NULL AUTO_INCREMENT,
  tx_no           VARCHAR(64)   CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  message         VARCHAR(2000) NOT NULL,
  retry           INT           NOT NULL DEFAULT 3 COMMENT 'sends left',
  status          VARCHAR(16)   NOT NULL DEFAULT 'init',
  yn              TINYINT       NOT NULL DEFAULT 1,
  attempts        INT           NOT NULL DEFAULT 0,
  next_attempt_at DATETIME(3)   NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  last_error      VARCHAR(255)  NULL,
  create_time     DATETIME(3)   NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  update_time     DATETIME(3)   NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  PRIMARY KEY (id),
  UNIQUE KEY uk_mq_notify_tx_no (tx_no),
  KEY idx_mq_notify_due (status, next_attempt_at),
  KEY idx_mq_notify_cleanup (yn, status, update_time)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- "Write the queue first": the recharge requests the pay service has consumed from the broker,
-- each decided once. Written in the same local transaction as the payment (and its mq_notify
-- row), and FIRST, so a redelivered request finds its row and never pays twice. A request without
-- a row has not been consumed yet: its client reads ACCEPTED.
--   status 'paid'      tx_no is its payment (a new one, or the earlier one under the same key);
--   status 'rejected'  reason says why (the Idempotency-Key was used with another body).
CREATE TABLE IF NOT EXISTS recharge_request (
  request_id  VARCHAR(64)   CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  tx_no       VARCHAR(64)   CHARACTER SET ascii COLLATE ascii_bin NULL,
  status      VARCHAR(16)   NOT NULL,
  reason      VARCHAR(255)  NULL,
  created_at  DATETIME(3)   NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  PRIMARY KEY (request_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
