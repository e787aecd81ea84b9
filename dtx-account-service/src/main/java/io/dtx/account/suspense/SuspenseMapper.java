package io.dtx.account.suspense;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** {@code bank1.suspense}: payments held because their account does not exist (yet). */
interface SuspenseMapper extends BaseMapper<SuspenseRow> {

    String COLUMNS = "tx_no, account_no, amount, paid_at, held_by, status, attempts, created_at, updated_at";

    /** Once per payment: a redelivery of a kept payment is not kept twice. */
    @Insert("""
            INSERT IGNORE INTO suspense (tx_no, account_no, amount, paid_at, held_by, status)
            VALUES (#{txNo}, #{accountNo}, #{amount}, #{paidAt}, #{heldBy}, #{status})""")
    int keep(
            @Param("txNo") String txNo,
            @Param("accountNo") String accountNo,
            @Param("amount") BigDecimal amount,
            @Param("paidAt") LocalDateTime paidAt,
            @Param("heldBy") String heldBy,
            @Param("status") String status);

    @Select("SELECT " + COLUMNS + " FROM suspense WHERE status = #{status} ORDER BY updated_at, tx_no LIMIT #{limit}")
    List<SuspenseRow> withStatus(@Param("status") String status, @Param("limit") int limit);

    /** Moves a row on only from the status it was read in: two instances never both act on it. */
    @Update("""
            UPDATE suspense SET status = #{to}, updated_at = UTC_TIMESTAMP(3)
            WHERE tx_no = #{txNo} AND status = #{from}""")
    int move(@Param("txNo") String txNo, @Param("from") String from, @Param("to") String to);

    @Update("UPDATE suspense SET attempts = attempts + 1, updated_at = UTC_TIMESTAMP(3) WHERE tx_no = #{txNo}")
    void attempted(@Param("txNo") String txNo);

    @Select("SELECT COUNT(*) FROM suspense WHERE status = 'held'")
    long countHeld();
}
