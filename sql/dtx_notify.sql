-- The notifier's own database: which receivers it calls back, each notification's schedule, and
-- every attempt it made. Its own schema (and its own user), like the two banks: the notifier plays
-- the payment provider's notification program, which owns no money and reads neither ledger.
-- Runs unchanged on MySQL 8.x and MariaDB 10.11+/11.x, and can be run again at any time.
-- Statements end with ';' at the end of a line: dtx-sandbox splits the file there.

CREATE DATABASE IF NOT EXISTS dtx_notify CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
USE dtx_notify;

-- A receiver. Defined by the notifier's configuration (url, schedule, required reply, and the
-- signing secrets, which never reach this table); enabled is the notifier's own state: a 410 Gone
-- turns it off, a person turns it on again.
CREATE TABLE IF NOT EXISTS subscription (
  id              VARCHAR(64)   CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  url             VARCHAR(512)  NOT NULL,
  schedule        VARCHAR(512)  NOT NULL COMMENT 'a preset name or a list of ISO-8601 durations',
  ack_body        VARCHAR(64)   NULL COMMENT 'the body a 2xx must carry to count, e.g. success',
  enabled         TINYINT(1)    NOT NULL DEFAULT 1,
  disabled_reason VARCHAR(255)  NULL,
  update_time     DATETIME(3)   NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  PRIMARY KEY (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- One payment result for one receiver. The schedule is counted from first_due_at, so a restart
-- neither skips an attempt nor shifts the ones after it. A person's re-send starts a new round.
--   status 'pending'   attempts left; next_attempt_at is when the next one is due (while an
--                      attempt is under way it is pushed past the attempt's deadline: a lease,
--                      held by the claim that wrote lease_token; only that claim may move it on)
--          'delivered' the receiver acknowledged
--          'gave_up'   the schedule ran out; the receiver must query (pull, reconciliation)
CREATE TABLE IF NOT EXISTS notification (
  id              BIGINT        NOT NULL AUTO_INCREMENT,
  subscription_id VARCHAR(64)   CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  tx_no           VARCHAR(64)   CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  payload         VARCHAR(4000) NOT NULL COMMENT 'the JSON body every attempt sends',
  status          VARCHAR(16)   NOT NULL DEFAULT 'pending',
  round           INT           NOT NULL DEFAULT 1,
  attempts        INT           NOT NULL DEFAULT 0 COMMENT 'attempts finished in this round',
  first_due_at    DATETIME(3)   NOT NULL,
  next_attempt_at DATETIME(3)   NOT NULL,
  lease_token     CHAR(36)      CHARACTER SET ascii COLLATE ascii_bin NULL,
  last_error      VARCHAR(255)  NULL,
  delivered_at    DATETIME(3)   NULL,
  create_time     DATETIME(3)   NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  update_time     DATETIME(3)   NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  PRIMARY KEY (id),
  UNIQUE KEY uk_notification_subscription_tx (subscription_id, tx_no),
  KEY idx_notification_due (status, next_attempt_at),
  KEY idx_notification_created (create_time),
  KEY idx_notification_delivered (status, delivered_at) COMMENT 'the retention: delivered ones, oldest first'
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The delivery log: every attempt that finished, with what the receiver said.
--   outcome 'acknowledged', 'failed' (error, timeout, non-2xx, 2xx without the required body),
--           'gone' (410: the subscription was disabled)
CREATE TABLE IF NOT EXISTS delivery_attempt (
  id              BIGINT        NOT NULL AUTO_INCREMENT,
  notification_id BIGINT        NOT NULL,
  round           INT           NOT NULL,
  attempt         INT           NOT NULL,
  due_at          DATETIME(3)   NOT NULL COMMENT 'when the schedule wanted it',
  started_at      DATETIME(3)   NOT NULL,
  latency_ms      INT           NOT NULL,
  http_status     INT           NULL,
  outcome         VARCHAR(16)   NOT NULL,
  error           VARCHAR(255)  NULL,
  PRIMARY KEY (id),
  KEY idx_delivery_attempt_notification (notification_id, round, attempt),
  KEY idx_delivery_attempt_started (started_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
