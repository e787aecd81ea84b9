package io.dtx.pay.payment;

import com.baomidou.mybatisplus.annotation.FieldStrategy;
import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableField;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * A row of {@code bank1_pay.account_pay}. A mutable class only because MyBatis-Plus maps rows
 * through setters; what the API shows is a record ({@link PaymentView}).
 * Times are UTC: the connection and the database both run in UTC.
 */
@TableName("account_pay")
public class Payment {

    @TableId(value = "id", type = IdType.INPUT)
    private String txNo;

    @TableField(insertStrategy = FieldStrategy.NEVER)
    private Long seq;

    private String accountNo;
    private BigDecimal payAmount;
    private String result;
    private String idempotencyKey;
    private String requestHash;

    @TableField(insertStrategy = FieldStrategy.NEVER)
    private LocalDateTime createdAt;

    static Payment succeeded(PaymentCommand command) {
        Payment payment = new Payment();
        payment.txNo = command.txNo();
        payment.accountNo = command.accountNo();
        payment.payAmount = command.amount();
        payment.result = PaymentResult.SUCCESS.code();
        payment.idempotencyKey = command.idempotencyKey();
        payment.requestHash = command.requestHash();
        return payment;
    }

    public PaymentView toView() {
        return new PaymentView(
                txNo, accountNo, payAmount, PaymentResult.fromCode(result), createdAt.toInstant(ZoneOffset.UTC));
    }

    public boolean succeeded() {
        return PaymentResult.SUCCESS.code().equals(result);
    }

    public String getTxNo() {
        return txNo;
    }

    public void setTxNo(String txNo) {
        this.txNo = txNo;
    }

    public Long getSeq() {
        return seq;
    }

    public void setSeq(Long seq) {
        this.seq = seq;
    }

    public String getAccountNo() {
        return accountNo;
    }

    public void setAccountNo(String accountNo) {
        this.accountNo = accountNo;
    }

    public BigDecimal getPayAmount() {
        return payAmount;
    }

    public void setPayAmount(BigDecimal payAmount) {
        this.payAmount = payAmount;
    }

    public String getResult() {
        return result;
    }

    public void setResult(String result) {
        this.result = result;
    }

    public String getIdempotencyKey() {
        return idempotencyKey;
    }

    public void setIdempotencyKey(String idempotencyKey) {
        this.idempotencyKey = idempotencyKey;
    }

    public String getRequestHash() {
        return requestHash;
    }

    public void setRequestHash(String requestHash) {
        this.requestHash = requestHash;
    }

    public LocalDateTime getCreatedAt() {
        return createdAt;
    }

    public void setCreatedAt(LocalDateTime createdAt) {
        this.createdAt = createdAt;
    }
}
