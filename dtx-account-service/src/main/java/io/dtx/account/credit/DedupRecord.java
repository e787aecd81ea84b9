package io.dtx.account.credit;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableField;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;
import java.math.BigDecimal;
import java.time.LocalDateTime;

/**
 * A row of {@code bank1.de_duplication}, the dedup table: one credited payment, keyed by its txNo.
 * Its primary key is what makes a credit happen exactly once. Mutable for MyBatis-Plus only.
 */
@TableName("de_duplication")
public class DedupRecord {

    @TableId(value = "tx_no", type = IdType.INPUT)
    private String txNo;

    private String accountNo;
    private BigDecimal amount;
    private String appliedBy;
    private LocalDateTime paidAt;

    @TableField("create_time")
    private LocalDateTime creditedAt;

    public String getTxNo() {
        return txNo;
    }

    public void setTxNo(String txNo) {
        this.txNo = txNo;
    }

    public String getAccountNo() {
        return accountNo;
    }

    public void setAccountNo(String accountNo) {
        this.accountNo = accountNo;
    }

    public BigDecimal getAmount() {
        return amount;
    }

    public void setAmount(BigDecimal amount) {
        this.amount = amount;
    }

    public String getAppliedBy() {
        return appliedBy;
    }

    public void setAppliedBy(String appliedBy) {
        this.appliedBy = appliedBy;
    }

    public LocalDateTime getPaidAt() {
        return paidAt;
    }

    public void setPaidAt(LocalDateTime paidAt) {
        this.paidAt = paidAt;
    }

    public LocalDateTime getCreditedAt() {
        return creditedAt;
    }

    public void setCreditedAt(LocalDateTime creditedAt) {
        this.creditedAt = creditedAt;
    }
}
