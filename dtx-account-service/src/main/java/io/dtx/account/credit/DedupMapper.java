package io.dtx.account.credit;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;
import org.apache.ibatis.annotations.Arg;
import org.apache.ibatis.annotations.ConstructorArgs;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** The dedup table {@code de_duplication}: the exactly-once guard of every credit. */
interface DedupMapper extends BaseMapper<DedupRecord> {

    /**
     * Claims the txNo. Fails with a duplicate key if it was credited before, or waits on the key's
     * lock if another credit of it is running right now: the whole point of the table.
     *
     * <p>Writes nothing (returns 0) for a payment paid before the dedup retention's horizon (plus a
     * day), or without a payment time once anything was removed: its row may be gone, so a missing
     * row no longer proves it new. The horizon is read in the same statement with a shared lock, so
     * as last committed at any isolation level, and held until this transaction ends: the cleanup
     * raises it (and commits) before it removes a row, and cannot raise it while a claim is open.
     */
    @Insert("""
            INSERT INTO de_duplication (tx_no, account_no, amount, applied_by, paid_at)
            SELECT #{txNo}, #{accountNo}, #{amount}, #{appliedBy}, #{paidAt} FROM dedup_horizon
            WHERE id = 1 AND (#{paidAt} >= removed_before + INTERVAL 1 DAY
                              OR (#{paidAt} IS NULL AND removed_before = '1970-01-01 00:00:00.000'))
            LOCK IN SHARE MODE""")
    int claim(
            @Param("txNo") String txNo,
            @Param("accountNo") String accountNo,
            @Param("amount") BigDecimal amount,
            @Param("appliedBy") String appliedBy,
            @Param("paidAt") LocalDateTime paidAt);

    /** The horizon: rows paid before it may have been removed; null if the table has no row (a setup error). */
    @Select("SELECT removed_before FROM dedup_horizon WHERE id = 1")
    LocalDateTime horizon();

    /** Whether the horizon is over an hour behind {@code micros} ago; read without a lock (no credit waits). */
    @Select("SELECT removed_before < DATE_SUB(UTC_TIMESTAMP(3), INTERVAL #{micros} MICROSECOND) - INTERVAL 1 HOUR"
            + " FROM dedup_horizon WHERE id = 1")
    Boolean horizonLagsBy(@Param("micros") long micros);

    /** Whether the txNo has a row, waiting for a claim of it still open elsewhere (a locking read). */
    @Select("SELECT COUNT(*) > 0 FROM de_duplication WHERE tx_no = #{txNo} LOCK IN SHARE MODE")
    boolean isClaimed(@Param("txNo") String txNo);

    /**
     * Moves the horizon to {@code micros} ago (never back, never closer than 9 days): through a
     * procedure, because this service may not write the horizon itself.
     */
    @Update("CALL raise_dedup_horizon(#{micros})")
    void raiseHorizon(@Param("micros") long micros);

    /** Removes up to {@code limit} rows paid before the horizon; through a procedure: this service may not DELETE. */
    @Update("CALL remove_old_credits(#{limit})")
    int removeBeforeHorizon(@Param("limit") int limit);

    @Select("SELECT applied_by FROM de_duplication WHERE tx_no = #{txNo}")
    String appliedBy(@Param("txNo") String txNo);

    @Select("SELECT COUNT(*) > 0 FROM de_duplication WHERE tx_no = #{txNo}")
    boolean isCredited(@Param("txNo") String txNo);

    /** Credits per window of {@code widthSeconds}, by when the pay side says it was paid. */
    @Select("""
            SELECT TIMESTAMPDIFF(SECOND, #{from}, paid_at) DIV #{widthSeconds} AS window_index,
                   COUNT(*) AS credits, SUM(amount) AS amount, SUM(CRC32(tx_no)) AS checksum
            FROM de_duplication
            WHERE paid_at >= #{from} AND paid_at < #{to}
            GROUP BY window_index ORDER BY window_index""")
    @ConstructorArgs({
        @Arg(column = "window_index", javaType = long.class),
        @Arg(column = "credits", javaType = long.class),
        @Arg(column = "amount", javaType = BigDecimal.class),
        @Arg(column = "checksum", javaType = long.class)
    })
    List<CreditWindow> windows(
            @Param("from") LocalDateTime from, @Param("to") LocalDateTime to, @Param("widthSeconds") long widthSeconds);

    @Select("SELECT tx_no FROM de_duplication WHERE paid_at >= #{from} AND paid_at < #{to} AND tx_no > #{after}"
            + " ORDER BY tx_no LIMIT #{limit}")
    List<String> creditedBetween(
            @Param("from") LocalDateTime from,
            @Param("to") LocalDateTime to,
            @Param("after") String after,
            @Param("limit") int limit);
}
