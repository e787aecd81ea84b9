-- For databases created before 2026-12-03. The notifier now removes delivered
-- notifications past their retention (NOTIFIER_RETENTION, 30 days), oldest first, and finds them
-- by this index. Without it the cleanup still works, by scanning the table.
-- Run once, as an administrator, before starting the new notifier:
--   mysql -u root -p < sql/migrations/2026-12-03-notification-retention.sql
-- The notifier's user already holds DELETE on both tables (sql/service-grants.sql).
ALTER TABLE dtx_notify.notification
  ADD KEY idx_notification_delivered (status, delivered_at) COMMENT 'the retention: delivered ones, oldest first';

-- The account service's dedup retention (off unless ACCOUNT_DEDUP_RETENTION is set) deletes old rows
-- of bank1.de_duplication through a procedure: run sql/bank1.sql again (it creates
-- remove_old_credits and leaves everything else alone), then sql/service-grants.sql.
