package io.dtx.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.dtx.contract.MessageSigning;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.rocketmq.common.message.Message;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Messages that can never be applied are set aside once for a person, acknowledged, and change no balance. */
class PoisonMessageIntegrationTests {

    private static DtxStack stack;

    @BeforeAll
    static void startStack() {
        stack = DtxStack.get();
    }

    @Test
    void anUnreadableMessageIsSetAsideNotRetriedForever() throws Exception {
        String garbledTx = "poison-" + UUID.randomUUID();

        Messages.send(stack.infra.namesrvAddr(), List.of(Messages.signed(garbledTx, "{this is not json")));

        await().atMost(Duration.ofSeconds(20)).until(() -> poisonRows(garbledTx) == 1);
        assertThat(stack.db.scalar(
                        "bank1", "SELECT reason FROM poison_message WHERE tx_no = ?", String.class, garbledTx))
                .startsWith("unreadable body");
        // Acknowledged, not redelivered: still one row after several redelivery delays.
        await().during(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(6)).until(() -> poisonRows(garbledTx) == 1);
        assertThat(stack.db.credits(garbledTx)).isZero();
    }

    /**
     * Anyone who can reach the broker can put a well-formed payment on the topic. Only one the
     * pay side signed over its exact bytes may credit: an unsigned one, one signed with another
     * key and a real signature on an altered body are set aside as unauthenticated, and counted.
     */
    @Test
    void messagesThePaySideDidNotSignCreditNothing() throws Exception {
        String accountNo = stack.db.newAccount("forged-");
        String unsigned = "forged-" + UUID.randomUUID();
        String foreignKey = "forged-" + UUID.randomUUID();
        String unknownKeyId = "forged-" + UUID.randomUUID();
        String altered = "forged-" + UUID.randomUUID();
        // The attacker's own key, under the stack's key id and under one of its own.
        MessageSigning attacker = MessageSigning.forSigning(MessageSigning.newKeySpec("it-1"), "it-1");
        MessageSigning attackersId = MessageSigning.forSigning(MessageSigning.newKeySpec("k-9"), "k-9");
        Message tampered = Messages.signed(altered, payment(altered, accountNo, "1.00"));
        tampered.setBody(payment(altered, accountNo, "900.00").getBytes(StandardCharsets.UTF_8));
        double counted = unauthenticatedCount();

        Messages.send(
                stack.infra.namesrvAddr(),
                List.of(
                        Messages.unsigned(unsigned, payment(unsigned, accountNo, "100.00")),
                        Messages.signedWith(attacker, foreignKey, payment(foreignKey, accountNo, "100.00")),
                        Messages.signedWith(attackersId, unknownKeyId, payment(unknownKeyId, accountNo, "100.00")),
                        tampered));

        await().atMost(Duration.ofSeconds(20))
                .until(() ->
                        poisonRows(unsigned) + poisonRows(foreignKey) + poisonRows(unknownKeyId) + poisonRows(altered)
                                == 4);
        for (String txNo : List.of(unsigned, foreignKey, unknownKeyId, altered)) {
            assertThat(stack.db.scalar(
                            "bank1", "SELECT reason FROM poison_message WHERE tx_no = ?", String.class, txNo))
                    .startsWith("unauthenticated");
            assertThat(stack.db.credits(txNo)).isZero();
        }
        assertThat(stack.db.balance(accountNo)).isEqualByComparingTo("0.00");
        assertThat(unauthenticatedCount() - counted).isEqualTo(4);
    }

    /**
     * The signature proves the pay side produced a message, not that the payment was taken: the
     * half message of a payment that was then rolled back carries one too. Replayed from the
     * broker's store, it is credited; reconciliation, which reads the pay side's ledger, finds the
     * credit without a payment and raises the alarm for a person.
     */
    @Test
    void aCreditForAPaymentThePaySideRolledBackRaisesTheAlarm() throws Exception {
        String accountNo = stack.db.newAccount("replayed-");
        String txNo = UUID.randomUUID().toString();
        stack.db.update(
                "bank1_pay",
                "INSERT INTO account_pay (id, account_no, pay_amount, result) VALUES (?, ?, 3.00, 'rolled_back')",
                txNo,
                accountNo);
        Messages.send(stack.infra.namesrvAddr(), List.of(Messages.signed(txNo, payment(txNo, accountNo, "3.00"))));
        await().atMost(Duration.ofSeconds(20)).until(() -> stack.db.credits(txNo) == 1);

        Http.Response run = stack.accountHttp.post("/accounts/reconciliation/runs", "");

        assertThat(run.status()).isEqualTo(200);
        assertThat(stack.db.scalar(
                        "bank1", "SELECT reason FROM poison_message WHERE msg_id = ?", String.class, "alarm:" + txNo))
                .startsWith("credited without payment");
        assertThat(stack.account
                        .getBean(MeterRegistry.class)
                        .find("dtx.account.reconcile.credited.without.payment")
                        .counter()
                        .count())
                .isGreaterThanOrEqualTo(1);
    }

    private static String payment(String txNo, String accountNo, String amount) {
        return "{\"txNo\":\"" + txNo + "\",\"accountNo\":\"" + accountNo + "\",\"amount\":" + amount + ",\"paidAt\":\""
                + Instant.now() + "\"}";
    }

    private static double unauthenticatedCount() {
        Counter counter = stack.account
                .getBean(MeterRegistry.class)
                .find("dtx.account.unauthenticated")
                .counter();
        return counter == null ? 0 : counter.count();
    }

    private static long poisonRows(String txNo) {
        return stack.db.scalar("bank1", "SELECT COUNT(*) FROM poison_message WHERE tx_no = ?", Long.class, txNo);
    }
}
