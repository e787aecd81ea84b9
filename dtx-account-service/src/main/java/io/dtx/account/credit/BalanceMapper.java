package io.dtx.account.credit;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import io.dtx.account.account.Account;
import java.math.BigDecimal;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Update;

/** The one write to a balance; only {@link CreditService} may call it, after the dedup claim. */
interface BalanceMapper extends BaseMapper<Account> {

    /** Relative update: correct under concurrency without reading the balance first. */
    @Update("""
            UPDATE account_info SET account_balance = account_balance + #{amount}, updated_at = UTC_TIMESTAMP(3)
            WHERE account_no = #{accountNo}""")
    int addToBalance(@Param("accountNo") String accountNo, @Param("amount") BigDecimal amount);
}
