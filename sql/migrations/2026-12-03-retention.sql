-- For databases created before 2026-12-03. Run once, as an administrator, before starting the new
-- services:
--   mysql -u root -p < sql/migrations/2026-12-03-retention.sql
-- then run sql/bank1.sql again (it creates the dedup retention's table dedup_horizon and its two
-- procedures, and leaves everything else alone), then sql/service-grants.sql: every account service
-- now reads the horizon in each credit, so the new grants must be in place before it starts.
--
-- The notifier removes delivered notifications past their retention (NOTIFIER_RETENTION, 30 days),
-- oldest first, found by this index (without it the cleanup still works, by scanning the table).
-- The notifier's user already holds DELETE on both its tables (sql/service-grants.sql).
ALTER TABLE dtx_notify.notification
  ADD KEY idx_notification_delivered (status, delivered_at) COMMENT 'the retention: delivered ones, oldest first';
