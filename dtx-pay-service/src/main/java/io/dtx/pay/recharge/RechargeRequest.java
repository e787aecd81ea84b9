package io.dtx.pay.recharge;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.math.BigDecimal;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * The body of {@code POST /pay/recharges}, e.g. {@code {"accountNo": "1", "amount": "100.00"}}.
 * The amount may be a JSON string or number; either way it is read as an exact decimal.
 */
public record RechargeRequest(
        @NotNull
        @Pattern(regexp = "[A-Za-z0-9_-]{1,64}", message = "must be 1-64 characters of A-Z, a-z, 0-9, _ and -")
        String accountNo,

        @NotNull
        @DecimalMin(value = "0.00", inclusive = false, message = "must be greater than 0")
        @DecimalMax(value = "1000000.00", message = "must be at most 1000000.00")
        @Digits(integer = 7, fraction = 2, message = "must have at most 2 decimal places")
        @JsonDeserialize(using = StrictAmountDeserializer.class)
        BigDecimal amount) {
}
