package io.dtx.pay.recharge;

import io.dtx.contract.RechargeRules;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.math.BigDecimal;
import java.math.RoundingMode;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * The body of {@code POST /pay/recharges}, e.g. {@code {"accountNo": "1", "amount": "100.00"}}.
 * The amount may be a JSON string or number; either way it is read as an exact decimal.
 */
public record RechargeRequest(
        @NotNull @Pattern(regexp = RechargeRules.ACCOUNT_NO_PATTERN, message = RechargeRules.ACCOUNT_NO_MESSAGE)
        String accountNo,

        @NotNull
        @DecimalMin(value = "0.00", inclusive = false, message = "must be greater than 0")
        @DecimalMax(value = RechargeRules.MAX_AMOUNT_TEXT, message = "must be at most " + RechargeRules.MAX_AMOUNT_TEXT)
        @Digits(integer = 7, fraction = 2, message = "must have at most 2 decimal places")
        @JsonDeserialize(using = StrictAmountDeserializer.class)
        BigDecimal amount) {

    /** The amount with exactly two decimals: validation has refused any that would need rounding. */
    public BigDecimal exactAmount() {
        return amount.setScale(RechargeRules.AMOUNT_SCALE, RoundingMode.UNNECESSARY);
    }
}
