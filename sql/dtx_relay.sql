-- The binlog relay's own schema: where it resumes, and what it could not route.
-- Runs unchanged on MySQL 8.x and MariaDB 10.11+/11.x, and can be run again at any time.
-- Statements end with ';' at the end of a line: dtx-sandbox splits the file there.
--
-- Why a schema of its own (on the same server, by default): the relay only reads bank1_pay, from
-- the binlog, and needs no right on it at all; the position is the relay's state, as a replica's
-- connection metadata is the replica's. Its writes here land in the same binlog it reads: the
-- relay recognises them (they touch only this schema) and never saves its position for them.
CREATE DATABASE IF NOT EXISTS dtx_relay CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
USE dtx_relay;

-- Where to resume reading: the binlog file and the offset just after the last transaction whose
-- messages the broker has all acknowledged (a commit event's end, never a position inside a
-- transaction). One row per relay, named by its configuration (dtx.relay.name).
CREATE TABLE IF NOT EXISTS relay_position (
  relay_name      VARCHAR(64)   CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  binlog_file     VARCHAR(255)  NOT NULL,
  binlog_offset   BIGINT        NOT NULL,
  updated_at      DATETIME(3)   NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  PRIMARY KEY (relay_name)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- A payment the relay could not route to an environment (routing per environment is on): the
-- thread that wrote it was gone before it was looked up, or its database user is mapped to no
-- environment. Never published by guess: the compensation job publishes it once its user maps to
-- an environment, or once a person has named the environment (status 'open' -> 'publishing' while
-- one job holds it -> 'published'; 'refused' if it does not match its payment in account_pay).
-- The row keeps the whole payment, so nothing has to be read from the binlog again.
CREATE TABLE IF NOT EXISTS relay_exception (
  tx_no           VARCHAR(64)   CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  account_no      VARCHAR(64)   CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  amount          DECIMAL(19,2) NOT NULL,
  paid_at         DATETIME(3)   NOT NULL,
  thread_id       BIGINT        NOT NULL,
  db_user         VARCHAR(128)  NULL,
  reason          VARCHAR(255)  NOT NULL,
  binlog_file     VARCHAR(255)  NOT NULL,
  binlog_offset   BIGINT        NOT NULL,
  status          VARCHAR(16)   NOT NULL DEFAULT 'open',
  environment     VARCHAR(16)   NULL COMMENT 'named by a person, or found by compensation',
  routed_by       VARCHAR(16)   NULL COMMENT 'compensation or person',
  attempts        INT           NOT NULL DEFAULT 0,
  seal_key_id     VARCHAR(64)   NULL COMMENT 'the relay''s seal (RowSeal): compensation publishes no row without it',
  seal            VARCHAR(64)   NULL,
  claimed_by      VARCHAR(64)   NULL COMMENT 'the relay (by name) publishing it; only its own claims are reopened',
  created_at      DATETIME(3)   NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  updated_at      DATETIME(3)   NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  PRIMARY KEY (tx_no),
  KEY idx_relay_exception_status (status, created_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
