-- What each service's database user may do, table by table: exactly what its code uses, no more.
-- The users themselves (with passwords from the environment, never from the repository) are
-- created by whoever sets up the server: dtx-sandbox's ServiceUsers, or, in docker compose,
-- docker/mysql/03-service-users.sh; this file then grants. Runs on MySQL 8.x and MariaDB 10.11+.
-- Statements end with ';' at the end of a line: dtx-sandbox splits the file there.

-- Pay: a payment row is only ever inserted (a success, or the check-back's tombstone) and read.
-- No UPDATE and no DELETE: not even a bug can turn a tombstone into a success, or erase a payment.
GRANT SELECT, INSERT ON bank1_pay.account_pay TO 'dtx_pay'@'%';
-- A refund marker is recorded once and kept.
GRANT SELECT, INSERT ON bank1_pay.payment_refund TO 'dtx_pay'@'%';
-- The local message table: written with the payment, its status moved by the relay, finished
-- rows removed after their retention.
GRANT SELECT, INSERT, UPDATE, DELETE ON bank1_pay.mq_notify TO 'dtx_pay'@'%';
-- A consumed recharge request is decided once and kept.
GRANT SELECT, INSERT ON bank1_pay.recharge_request TO 'dtx_pay'@'%';

-- Account: a balance is only ever moved (accounts are opened elsewhere, not by this service).
GRANT SELECT, UPDATE ON bank1.account_info TO 'dtx_account'@'%';
-- The exactly-once guard: inserted and read. Without UPDATE and DELETE no bug can free a txNo
-- for a second credit.
GRANT SELECT, INSERT ON bank1.de_duplication TO 'dtx_account'@'%';
-- The dedup retention (off unless ACCOUNT_DEDUP_RETENTION is set): every claim reads the horizon;
-- only the two procedures move it and delete below it, never closer than 9 days (sql/bank1.sql).
GRANT SELECT ON bank1.dedup_horizon TO 'dtx_account'@'%';
GRANT EXECUTE ON PROCEDURE bank1.raise_dedup_horizon TO 'dtx_account'@'%';
GRANT EXECUTE ON PROCEDURE bank1.remove_old_credits TO 'dtx_account'@'%';
-- Set aside for a person: recorded, never changed by the service.
GRANT SELECT, INSERT ON bank1.poison_message TO 'dtx_account'@'%';
-- Payments for unknown accounts: held, then their status moves on (credited, returning, returned).
GRANT SELECT, INSERT, UPDATE ON bank1.suspense TO 'dtx_account'@'%';
-- Where reconciliation stopped: INSERT ... ON DUPLICATE KEY UPDATE needs both.
GRANT SELECT, INSERT, UPDATE ON bank1.reconcile_cursor TO 'dtx_account'@'%';
-- Replayed callbacks are refused by the key; rows past the signature's tolerance are removed.
GRANT SELECT, INSERT, DELETE ON bank1.callback_seen TO 'dtx_account'@'%';

-- Notifier: its own schema only; it reads neither ledger. Subscriptions are written from its
-- configuration; notifications move through their schedule; attempts are only ever added (old ones
-- removed after their retention).
GRANT SELECT, INSERT, UPDATE ON dtx_notify.subscription TO 'dtx_notifier'@'%';
GRANT SELECT, INSERT, UPDATE, DELETE ON dtx_notify.notification TO 'dtx_notifier'@'%';
GRANT SELECT, INSERT, DELETE ON dtx_notify.delivery_attempt TO 'dtx_notifier'@'%';

-- Binlog relay: streams the binlog (REPLICATION SLAVE: a wide right, the whole server's changes
-- pass by; the relay reads only bank1_pay.account_pay from them), lists the binlog files and
-- finds their end (REPLICATION CLIENT), sees which user each connection belongs to (PROCESS, for
-- routing per environment), reads a payment to check a kept row against it before compensation
-- publishes it, and writes only its own schema.
GRANT REPLICATION SLAVE, REPLICATION CLIENT, PROCESS ON *.* TO 'dtx_relay'@'%';
GRANT SELECT ON bank1_pay.account_pay TO 'dtx_relay'@'%';
GRANT SELECT, INSERT, UPDATE ON dtx_relay.relay_position TO 'dtx_relay'@'%';
GRANT SELECT, INSERT, UPDATE ON dtx_relay.relay_exception TO 'dtx_relay'@'%';
