package io.dtx.pay.queuefirst;

import java.util.Locale;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The SQL of {@code bank1_pay.recharge_request}: one row per consumed request, written once. */
@Repository
class RequestTable {

    private final JdbcTemplate jdbc;

    RequestTable(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Claims the request id, first thing in the paying transaction: a second consumer of the same
     * request waits on this key and then fails with a duplicate key, as the dedup insert does on
     * the account side.
     *
     * @throws org.springframework.dao.DuplicateKeyException if the request was decided before
     */
    void claim(String requestId, String status, String txNo, String reason) {
        jdbc.update(
                "INSERT INTO recharge_request (request_id, tx_no, status, reason) VALUES (?, ?, ?, ?)",
                requestId,
                txNo,
                status,
                reason);
    }

    Optional<RequestStatus> find(String requestId) {
        return jdbc
                .query(
                        "SELECT request_id, tx_no, status, reason FROM recharge_request WHERE request_id = ?",
                        (rs, n) -> new RequestStatus(
                                rs.getString("request_id"),
                                rs.getString("status").toUpperCase(Locale.ROOT),
                                rs.getString("tx_no"),
                                rs.getString("reason")),
                        requestId)
                .stream()
                .findFirst();
    }
}
