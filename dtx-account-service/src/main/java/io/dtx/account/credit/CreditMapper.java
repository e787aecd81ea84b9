package io.dtx.account.credit;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** The two statements of a credit, and the question "was this txNo credited?". */
interface CreditMapper extends BaseMapper<Credit> {

    /** Fails with a duplicate key if the txNo was credited before: the whole point of the table. */
    @Insert("""
            INSERT INTO de_duplication (tx_no, account_no, amount, applied_by, paid_at)
            VALUES (#{txNo}, #{accountNo}, #{amount}, #{appliedBy}, #{paidAt})""")
    void insertDedup(@Param("txNo") String txNo, @Param("accountNo") String accountNo, @Param("amount") BigDecimal amount,
                     @Param("appliedBy") String appliedBy, @Param("paidAt") LocalDateTime paidAt);

    /** Relative update: correct under concurrency without reading the balance first. */
    @Update("""
            UPDATE account_info SET account_balance = account_balance + #{amount}, updated_at = UTC_TIMESTAMP(3)
            WHERE account_no = #{accountNo}""")
    int addToBalance(@Param("accountNo") String accountNo, @Param("amount") BigDecimal amount);

    @Select("SELECT COUNT(*) > 0 FROM de_duplication WHERE tx_no = #{txNo}")
    boolean isCredited(@Param("txNo") String txNo);
}
