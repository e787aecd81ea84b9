-- Account side ("bank 1"): balances, and the record of every recharge already credited.
-- Runs unchanged on MySQL 8.x and MariaDB 10.11+/11.x, and can be run again at any time.
-- Statements end with ';' at the end of a line: dtx-sandbox splits the file there.

CREATE DATABASE IF NOT EXISTS bank1 CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
USE bank1;

-- One row per account. The original kept a plaintext account_password here; we store no credential.
-- Identifiers (account_no, tx_no) are ASCII compared byte for byte (ascii_bin): with the table's
-- case-insensitive collation a payment to 'ABC' would credit the account 'abc'.
CREATE TABLE IF NOT EXISTS account_info (
  id              BIGINT        NOT NULL AUTO_INCREMENT,
  account_name    VARCHAR(100)  NOT NULL,
  account_no      VARCHAR(64)   CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  account_balance DECIMAL(19,2) NOT NULL DEFAULT 0.00,
  created_at      DATETIME(3)   NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  updated_at      DATETIME(3)   NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  PRIMARY KEY (id),
  UNIQUE KEY uk_account_info_account_no (account_no)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Exactly-once credit: the tx_no is inserted FIRST, in the same local transaction as the balance
-- update. A duplicate key means "already applied". Amount and path are kept so an audit can sum them.
-- Kept for ever unless ACCOUNT_DEDUP_RETENTION is set; then rows paid longer ago are removed, and a
-- payment paid before that horizon is never credited again by any path, only kept in suspense.
CREATE TABLE IF NOT EXISTS de_duplication (
  tx_no       VARCHAR(64)   CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  account_no  VARCHAR(64)   CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  amount      DECIMAL(19,2) NOT NULL,
  applied_by  VARCHAR(16)   NOT NULL COMMENT 'MESSAGE, PULL or RECONCILIATION',
  paid_at     DATETIME(3)   NULL COMMENT 'when the pay side committed the payment',
  create_time DATETIME(3)   NOT NULL DEFAULT CURRENT_TIMESTAMP(3) COMMENT 'when the credit committed',
  PRIMARY KEY (tx_no),
  KEY idx_de_duplication_account (account_no, create_time),
  KEY idx_de_duplication_paid_at (paid_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The dedup retention (ACCOUNT_DEDUP_RETENTION; off by default). removed_before is the horizon:
-- every de_duplication row paid before it may have been removed, so no credit of a payment paid
-- before it (plus a day's margin, for the paths' slightly different payment times) is taken any
-- more: the claim itself checks it (CreditService), in the database, whatever each instance is set to.
-- It only ever moves forward, and only through raise_dedup_horizon; rows are removed only below it,
-- only through remove_old_credits. The account service may call both but may neither DELETE nor
-- move the horizon itself, and the horizon never comes closer than 9 days (the sweep's 7-day
-- look-back and the margins), so no code path of the service can free a recent txNo. Both run with
-- their definer's rights (an administrator's).
CREATE TABLE IF NOT EXISTS dedup_horizon (
  id             TINYINT     NOT NULL,
  removed_before DATETIME(3) NOT NULL,
  updated_at     DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  PRIMARY KEY (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
INSERT INTO dedup_horizon (id, removed_before) VALUES (1, '1970-01-01 00:00:00.000')
ON DUPLICATE KEY UPDATE id = id;
CREATE PROCEDURE IF NOT EXISTS raise_dedup_horizon(IN age_micros BIGINT)
  SQL SECURITY DEFINER
  UPDATE dedup_horizon
  SET removed_before = GREATEST(removed_before,
        DATE_SUB(UTC_TIMESTAMP(3), INTERVAL GREATEST(age_micros, 777600000000) MICROSECOND)),
      updated_at = UTC_TIMESTAMP(3)
  WHERE id = 1;
CREATE PROCEDURE IF NOT EXISTS remove_old_credits(IN max_rows INT)
  SQL SECURITY DEFINER
  DELETE FROM de_duplication
  WHERE paid_at < (SELECT removed_before FROM dedup_horizon WHERE id = 1)
  LIMIT max_rows;

-- Messages that can never be applied (unknown account, unreadable body): kept for a person,
-- acknowledged to the broker so they are not retried forever.
-- tx_no and msg_id are whatever the message carried (a forged one may carry anything), so they stay
-- utf8mb4, compared byte for byte.
CREATE TABLE IF NOT EXISTS poison_message (
  id          BIGINT        NOT NULL AUTO_INCREMENT,
  tx_no       VARCHAR(64)   CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NULL,
  msg_id      VARCHAR(128)  CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NULL,
  reason      VARCHAR(255)  NOT NULL,
  body        VARCHAR(4000) NULL,
  created_at  DATETIME(3)   NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  PRIMARY KEY (id),
  UNIQUE KEY uk_poison_message_msg_id (msg_id),
  KEY idx_poison_message_tx_no (tx_no)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Payments for an account this bank does not hold (yet): never silently stuck. Held here, retried
-- automatically until the account appears ('credited'), or returned to the payer by a person
-- ('returning' until the pay side has recorded the refund, then 'returned'). A returned payment
-- also gets its de_duplication row (applied_by 'RETURNED', no balance moved), so it can never be
-- credited afterwards, whatever path brings it again. 'past_retention': paid before the dedup
-- retention's horizon, so no row proves it new; never retried, a person settles it by the record.
CREATE TABLE IF NOT EXISTS suspense (
  tx_no       VARCHAR(64)   CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  account_no  VARCHAR(64)   CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  amount      DECIMAL(19,2) NOT NULL,
  paid_at     DATETIME(3)   NULL,
  held_by     VARCHAR(16)   NOT NULL COMMENT 'the path that found the account missing',
  status      VARCHAR(16)   NOT NULL DEFAULT 'held' COMMENT 'held, credited, returning, returned, refund_refused, past_retention',
  attempts    INT           NOT NULL DEFAULT 0,
  created_at  DATETIME(3)   NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  updated_at  DATETIME(3)   NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  PRIMARY KEY (tx_no),
  KEY idx_suspense_status (status, updated_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Where the reconciliation job stopped reading the pay side's feed, so a restart resumes there.
-- (Only one instance runs the job at a time: it holds a MySQL named lock, GET_LOCK, while it runs.)
CREATE TABLE IF NOT EXISTS reconcile_cursor (
  name        VARCHAR(64)   NOT NULL,
  cursor_value VARCHAR(255) NOT NULL,
  updated_at  DATETIME(3)   NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  PRIMARY KEY (name)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Signed callbacks already taken (scheme 2, the notifier's HTTP calls): a webhook-id with the
-- same timestamp seen twice is a replay of a captured request, refused. The notifier signs every
-- attempt anew (new timestamp), so its own retries are never mistaken for one; a call whose credit
-- failed is forgotten again, so a retry in the same second is not either. Rows whose timestamp is
-- past the signature's tolerance can never match a valid call again and are removed.
CREATE TABLE IF NOT EXISTS callback_seen (
  webhook_id  VARCHAR(128)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  sent_at     BIGINT        NOT NULL COMMENT 'the webhook-timestamp, seconds since the epoch',
  seen_at     DATETIME(3)   NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  PRIMARY KEY (webhook_id, sent_at),
  KEY idx_callback_seen_sent_at (sent_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
-- Seed: Zhang San's account. Re-running the file never resets a balance that has moved.
INSERT INTO account_info (id, account_name, account_no, account_balance)
VALUES (2, '张三的账户', '1', 10000.00)
ON DUPLICATE KEY UPDATE id = id;
