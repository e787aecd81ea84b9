package io.dtx.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.dtx.pay.outbox.OutboxSendHook;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/** The relay of the local message table when things go wrong: a crash mid-row, a row without its payment. */
class OutboxRelayFaultsIntegrationTests {

    /** txNos of the rows the crash test's hook fails, so it never touches another test's rows. */
    private static final String CRASH_MARK = "crash-";

    /**
     * The relay dies between the broker's acknowledgement and its 'finish' (its transaction rolls
     * back, as when the process is killed there): the row is still due and sent again, and the
     * payment credited once.
     */
    @Test
    void aRelayThatDiesBetweenSendAndFinishSendsTheRowAgainAndItIsCreditedOnce() throws Exception {
        DtxStack stack = DtxStack.get();
        String accountNo = stack.db.newAccount("outbox-crash-");
        Map<String, AtomicInteger> received = new ConcurrentHashMap<>();
        DefaultMQPushConsumer counter = OutboxRows.countingConsumer(stack, received);
        Set<String> crashed = ConcurrentHashMap.newKeySet();
        OutboxSendHook crashOnce = txNo -> {
            if (txNo.startsWith(CRASH_MARK) && crashed.add(txNo)) {
                throw new IllegalStateException("simulated crash between the send and 'finish'");
            }
        };
        try (ConfigurableApplicationContext pay =
                OutboxInstances.pay(stack, stack.infra.namesrvAddr(), Map.of(), crashOnce)) {
            List<String> txNos = OutboxRows.asIfWrittenByAPublisher(stack, accountNo, 3, CRASH_MARK);

            await().atMost(Duration.ofSeconds(60))
                    .until(() -> txNos.stream().allMatch(txNo -> "finish".equals(OutboxInstances.status(stack, txNo))));
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> txNos.stream().allMatch(txNo -> stack.db.credits(txNo) == 1));
            Thread.sleep(2000);

            assertThat(crashed)
                    .as("the crash really happened, once per row")
                    .containsExactlyInAnyOrderElementsOf(txNos);
            assertThat(txNos).allMatch(txNo -> received.get(txNo).get() == 2, "each sent again after the crash");
            assertThat(stack.db.balance(accountNo))
                    .as("three payments of 0.01, each credited once")
                    .isEqualByComparingTo("0.03");
        } finally {
            counter.shutdown();
        }
    }

    /**
     * Write access to the table alone must not make a credit: a row whose message names no
     * successful payment of that account and amount is given up, never signed and sent.
     */
    @Test
    void aRowWithoutItsPaymentIsGivenUpNeverSent() {
        DtxStack stack = DtxStack.get();
        String accountNo = stack.db.newAccount("outbox-forged-");
        String realTxNo = stack.db.paymentWithoutMessage(accountNo, "1.00");
        String inflated = UUID.randomUUID().toString();
        stack.db.update(
                "bank1_pay",
                "INSERT INTO mq_notify (tx_no, message) VALUES (?, ?), (?, ?)",
                inflated,
                OutboxRows.message(inflated, accountNo, "500.00"),
                realTxNo + "-x",
                OutboxRows.message(realTxNo, accountNo, "1.00"));
        try (ConfigurableApplicationContext pay = OutboxInstances.pay(stack, stack.infra.namesrvAddr(), Map.of())) {
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> "gave_up".equals(OutboxInstances.status(stack, inflated))
                            && "gave_up".equals(OutboxInstances.status(stack, realTxNo + "-x")));
            assertThat(OutboxInstances.sends(pay, "relay")).isZero();
            assertThat(stack.db.credits(inflated)).isZero();
            assertThat(stack.db.balance(accountNo)).isZero();
        }
    }
}
