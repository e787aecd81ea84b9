#!/bin/bash
# Runs once, when MySQL initialises its volume (after 01-bank1.sql and 02-bank1_pay.sql).
# One least-privilege user per service: pay can only touch bank1_pay, account only bank1.
# Passwords come from the environment (.env), never from the repository.
set -euo pipefail
mysql -uroot -p"${MYSQL_ROOT_PASSWORD}" <<SQL
CREATE USER IF NOT EXISTS 'dtx_pay'@'%' IDENTIFIED BY '${PAY_DB_PASSWORD}';
GRANT SELECT, INSERT, UPDATE ON bank1_pay.* TO 'dtx_pay'@'%';
CREATE USER IF NOT EXISTS 'dtx_account'@'%' IDENTIFIED BY '${ACCOUNT_DB_PASSWORD}';
GRANT SELECT, INSERT, UPDATE, DELETE ON bank1.* TO 'dtx_account'@'%';
FLUSH PRIVILEGES;
SQL
