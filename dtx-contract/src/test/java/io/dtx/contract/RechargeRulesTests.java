package io.dtx.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RechargeRulesTests {

    @ParameterizedTest
    @ValueSource(strings = {"0.01", "100", "100.00", "1000000.00"})
    void amountsBetweenOneCentAndTheLimitAreValid(String amount) {
        assertThat(RechargeRules.isAmount(new BigDecimal(amount))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "0.00", "-1", "1000000.01", "0.001", "1e9"})
    void zeroNegativeFractionsOfACentAndAmountsOverTheLimitAreNot(String amount) {
        assertThat(RechargeRules.isAmount(new BigDecimal(amount))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"", " 1", "1;2", "a/b", "é", "1234567890123456789012345678901234567890123456789012345678901234X"
            })
    void accountNumbersOutsideThePatternAreRefused(String accountNo) {
        assertThat(RechargeRules.isAccountNo(accountNo)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"1", "acc_7", "A-b-9"})
    void plainAccountNumbersAreAccepted(String accountNo) {
        assertThat(RechargeRules.isAccountNo(accountNo)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"3f1e4c52-6c1d-4e0a-9d7b-2a1c5b8e9f00", "t1"})
    void transactionNumbersAreLettersDigitsAndDashes(String txNo) {
        assertThat(RechargeRules.isTxNo(txNo)).isTrue();
        assertThat(RechargeRules.isTxNo(txNo + "_")).isFalse();
    }
}
