package io.dtx.account.account;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import java.util.List;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

interface AccountMapper extends BaseMapper<Account> {

    @Select("SELECT * FROM account_info WHERE account_no = #{accountNo}")
    Account findByAccountNo(@Param("accountNo") String accountNo);

    @Select("""
            SELECT tx_no, amount, applied_by, create_time AS credited_at FROM de_duplication
            WHERE account_no = #{accountNo} ORDER BY create_time DESC, tx_no LIMIT #{limit}""")
    List<AccountView.CreditView> latestCredits(@Param("accountNo") String accountNo, @Param("limit") int limit);
}
