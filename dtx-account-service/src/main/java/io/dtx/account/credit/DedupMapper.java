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
     */
    @Insert("""
            INSERT INTO de_duplication (tx_no, account_no, amount, applied_by, paid_at)
            VALUES (#{txNo}, #{accountNo}, #{amount}, #{appliedBy}, #{paidAt})""")
    void claim(
            @Param("txNo") String txNo,
            @Param("accountNo") String accountNo,
            @Param("amount") BigDecimal amount,
            @Param("appliedBy") String appliedBy,
            @Param("paidAt") LocalDateTime paidAt);

    /**
     * The retention's batch: rows paid more than {@code micros} ago (never one without a payment
     * time). Through a procedure: this service may not DELETE, and the procedure never removes a
     * row paid less than 9 days ago, whatever it is asked.
     */
    @Update("CALL remove_old_credits(#{micros}, #{limit})")
    int removePaidBefore(@Param("micros") long micros, @Param("limit") int limit);

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
