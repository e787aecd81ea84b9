package io.dtx.walkthrough.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VerdictTallyTests {

    private final VerdictTally tally = new VerdictTally();

    @Test
    void everySuccessfulPaymentCreditedOnceHolds() {
        payment("t1", "a", "5.00", "success");
        payment("t2", "b", "7.00", "success");
        payment("t3", "b", "9.00", "rollback");
        credit("t1", "a", "5.00", "MESSAGE");
        credit("t2", "b", "7.00", "RECONCILIATION");
        tally.settlePayments();
        balance("a", "0.00", "5.00");
        balance("b", "0.00", "7.00");
        tally.acknowledged(new ChaosLoad.Paid("t1", "a", new BigDecimal("5.00")));

        Verdict verdict = tally.verdict();

        assertThat(verdict.holds()).as(verdict.examples().toString()).isTrue();
        assertThat(verdict.payments()).isEqualTo(2);
        assertThat(verdict.rolledBack()).isEqualTo(1);
        assertThat(verdict.creditsByPath()).containsEntry("MESSAGE", 1L).containsEntry("RECONCILIATION", 1L);
    }

    @Test
    void eachWayOfGettingItWrongIsCountedWithAnExample() {
        payment("lost", "a", "1.00", "success");
        payment("twice", "a", "2.00", "success");
        payment("other", "a", "3.00", "success");
        payment("undone", "a", "4.00", "rollback");
        credit("twice", "a", "2.00", "MESSAGE");
        credit("twice", "a", "2.00", "PULL");
        credit("other", "b", "3.00", "MESSAGE");
        credit("undone", "a", "4.00", "MESSAGE");
        tally.settlePayments();
        balance("a", "0.00", "8.00");
        tally.acknowledged(new ChaosLoad.Paid("never", "a", BigDecimal.ONE));

        Verdict verdict = tally.verdict();

        assertThat(List.of(
                        verdict.lost(),
                        verdict.doubled(),
                        verdict.phantom(),
                        verdict.mismatched(),
                        verdict.acknowledgedMissing()))
                .containsExactly(1L, 1L, 1L, 1L, 1L);
        assertThat(verdict.examples())
                .contains(
                        "lost lost",
                        "doubled twice",
                        "phantom undone (payment rollback)",
                        "mismatched other",
                        "acknowledged but not paid never");
        assertThat(verdict.holds()).isFalse();
    }

    @Test
    void aBalanceThatIsNotOpeningPlusCreditsCountsAsDoubled() {
        payment("t1", "a", "5.00", "success");
        credit("t1", "a", "5.00", "MESSAGE");
        tally.settlePayments();
        balance("a", "0.00", "10.00");

        assertThat(tally.verdict().doubled()).isEqualTo(1);
        assertThat(tally.verdict().examples()).containsExactly("balance of a is 10.00, expected 5.00");
    }

    private void payment(String txNo, String accountNo, String amount, String result) {
        tally.payment(
                Map.of("id", txNo, "account_no", accountNo, "pay_amount", new BigDecimal(amount), "result", result));
    }

    private void credit(String txNo, String accountNo, String amount, String appliedBy) {
        tally.credit(Map.of(
                "tx_no", txNo, "account_no", accountNo, "amount", new BigDecimal(amount), "applied_by", appliedBy));
    }

    private void balance(String accountNo, String opening, String now) {
        tally.balance(
                Map.of("account_no", accountNo, "account_balance", new BigDecimal(now)),
                Map.of(accountNo, new BigDecimal(opening)));
    }
}
