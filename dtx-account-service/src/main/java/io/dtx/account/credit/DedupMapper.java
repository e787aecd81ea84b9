package io.dtx.account.credit;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

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

    @Select("SELECT COUNT(*) > 0 FROM de_duplication WHERE tx_no = #{txNo}")
    boolean isCredited(@Param("txNo") String txNo);
}
