package io.dtx.pay.payment;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;
import org.apache.ibatis.annotations.Arg;
import org.apache.ibatis.annotations.ConstructorArgs;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Options;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

interface PaymentMapper extends BaseMapper<Payment> {

    /** The id column holds the txNo; hand-written queries must say so (selectById knows it already). */
    String COLUMNS = "id AS tx_no, seq, account_no, pay_amount, result, idempotency_key, request_hash, created_at";

    /** A key is scoped to its account: another customer's identical key is another payment. */
    @Select("SELECT " + COLUMNS + " FROM account_pay WHERE account_no = #{accountNo} AND idempotency_key = #{key}")
    Payment findByIdempotencyKey(@Param("accountNo") String accountNo, @Param("key") String idempotencyKey);

    /** A successful payment's row; the 5 s limit holds with or without a transaction around it. */
    @Insert("""
            INSERT INTO account_pay (id, account_no, pay_amount, result, idempotency_key, request_hash)
            VALUES (#{txNo}, #{accountNo}, #{payAmount}, #{result}, #{idempotencyKey}, #{requestHash})""")
    @Options(timeout = 5)
    void insertSucceeded(Payment payment);

    /**
     * The check-back's tombstone. If the payment's own local transaction is still running, this
     * INSERT waits on its primary-key lock and then fails with a duplicate key (it committed) or
     * goes in (it rolled back): either way the answer that follows is definite. A plain INSERT,
     * not INSERT IGNORE, which would also swallow a value that does not fit.
     */
    @Insert("""
            INSERT INTO account_pay (id, account_no, pay_amount, result)
            VALUES (#{txNo}, #{accountNo}, #{amount}, 'rolled_back')""")
    void insertTombstone(
            @Param("txNo") String txNo, @Param("accountNo") String accountNo, @Param("amount") BigDecimal amount);

    @Select("SELECT " + COLUMNS + " FROM account_pay WHERE seq > #{after} ORDER BY seq LIMIT #{limit}")
    List<Payment> page(@Param("after") long after, @Param("limit") int limit);

    /** Successful payments per window of {@code widthSeconds}, by the time their row was written. */
    @Select("""
            SELECT TIMESTAMPDIFF(SECOND, #{from}, created_at) DIV #{widthSeconds} AS window_index,
                   COUNT(*) AS payments, SUM(pay_amount) AS amount, SUM(CRC32(id)) AS checksum
            FROM account_pay
            WHERE result = 'success' AND created_at >= #{from} AND created_at < #{to}
            GROUP BY window_index ORDER BY window_index""")
    @ConstructorArgs({
        @Arg(column = "window_index", javaType = long.class),
        @Arg(column = "payments", javaType = long.class),
        @Arg(column = "amount", javaType = BigDecimal.class),
        @Arg(column = "checksum", javaType = long.class)
    })
    List<WindowTotals> windows(
            @Param("from") LocalDateTime from, @Param("to") LocalDateTime to, @Param("widthSeconds") long widthSeconds);

    /** One page, by txNo after {@code after}: a keyset, so no payment of a busy window is skipped. */
    @Select("SELECT " + COLUMNS + " FROM account_pay"
            + " WHERE result = 'success' AND created_at >= #{from} AND created_at < #{to} AND id > #{after}"
            + " ORDER BY id LIMIT #{limit}")
    List<Payment> paidBetween(
            @Param("from") LocalDateTime from,
            @Param("to") LocalDateTime to,
            @Param("after") String after,
            @Param("limit") int limit);

    /** Refund markers recorded in {@code [from, to)}, by txNo after {@code after}: one page. */
    @Select("SELECT tx_no FROM payment_refund WHERE requested_at >= #{from} AND requested_at < #{to}"
            + " AND tx_no > #{after} ORDER BY tx_no LIMIT #{limit}")
    List<String> refundsBetween(
            @Param("from") LocalDateTime from,
            @Param("to") LocalDateTime to,
            @Param("after") String after,
            @Param("limit") int limit);

    /** Once per payment: asking again changes nothing. */
    @Insert("INSERT IGNORE INTO payment_refund (tx_no, reason) VALUES (#{txNo}, #{reason})")
    void requestRefund(@Param("txNo") String txNo, @Param("reason") String reason);

    /** The database's clock, so the feed's overlap window does not depend on this JVM's. */
    @Select("SELECT UTC_TIMESTAMP(3)")
    LocalDateTime databaseNow();
}
