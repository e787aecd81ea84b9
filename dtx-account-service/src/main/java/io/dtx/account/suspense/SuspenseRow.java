package io.dtx.account.suspense;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;
import io.dtx.contract.RechargeSucceeded;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * A row of {@code bank1.suspense}: a payment for an account this bank does not hold (yet).
 * Mutable for MyBatis-Plus only; what leaves this package is a {@link HeldPayment}.
 */
@TableName("suspense")
public class SuspenseRow {

    @TableId(value = "tx_no", type = IdType.INPUT)
    private String txNo;

    private String accountNo;
    private BigDecimal amount;
    private LocalDateTime paidAt;
    private String heldBy;
    private String status;
    private int attempts;
    private LocalDateTime createdAt;
    private LocalDateTime updatedAt;

    RechargeSucceeded payment() {
        return new RechargeSucceeded(txNo, accountNo, amount, paidAt == null ? null : paidAt.toInstant(ZoneOffset.UTC));
    }

    HeldPayment view() {
        return new HeldPayment(txNo, accountNo, amount, heldBy, status, attempts, createdAt, updatedAt);
    }

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

    public LocalDateTime getPaidAt() {
        return paidAt;
    }

    public void setPaidAt(LocalDateTime paidAt) {
        this.paidAt = paidAt;
    }

    public String getHeldBy() {
        return heldBy;
    }

    public void setHeldBy(String heldBy) {
        this.heldBy = heldBy;
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    public int getAttempts() {
        return attempts;
    }

    public void setAttempts(int attempts) {
        this.attempts = attempts;
    }

    public LocalDateTime getCreatedAt() {
        return createdAt;
    }

    public void setCreatedAt(LocalDateTime createdAt) {
        this.createdAt = createdAt;
    }

    public LocalDateTime getUpdatedAt() {
        return updatedAt;
    }

    public void setUpdatedAt(LocalDateTime updatedAt) {
        this.updatedAt = updatedAt;
    }
}
