package io.dtx.system;

import static io.dtx.system.Http.rechargeJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.dtx.contract.MessageSigning;
import io.dtx.contract.MessageSigning.Signature;
import io.dtx.contract.Messaging;
import io.dtx.pay.recharge.RechargeService;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.rocketmq.common.message.Message;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * "Write the queue first" on the shared broker and database: the request goes to the broker and
 * nowhere else, the pay service pays it when it consumes it, once, whatever is delivered twice or
 * crashes half way, and the client follows it from ACCEPTED to PAID.
 */
class QueueFirstIntegrationTests {

    @Test
    void aRequestIsAcceptedThenPaidAndCreditedOnce() {
        DtxStack stack = DtxStack.get();
        String accountNo = stack.db.newAccount("queue-first-");

        Http.Response accepted =
                stack.payHttp.withoutToken().post("/pay/recharge-requests", rechargeJson(accountNo, "12.00"));

        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        String requestId = accepted.json().get("requestId").asString();
        assertThat(accepted.json().get("status").asString()).isEqualTo("ACCEPTED");
        JsonNode paid = awaitDecided(stack, requestId);
        assertThat(paid.get("status").asString()).isEqualTo("PAID");
        String txNo = paid.get("txNo").asString();
        await().atMost(Duration.ofSeconds(30)).until(() -> stack.db.credits(txNo) == 1);
        assertThat(stack.db.balance(accountNo)).isEqualByComparingTo("12.00");
    }

    @Test
    void theBrokerRefusingTheRequestIs503AndNothingIsWrittenAnywhere() {
        DtxStack stack = DtxStack.get();
        String accountNo = stack.db.newAccount("queue-first-down-");
        String deadBroker = "127.0.0.1:" + freePort();
        try (ConfigurableApplicationContext cutOff = OutboxInstances.pay(stack, deadBroker, Map.of())) {
            Http.Response refused = OutboxInstances.http(cutOff)
                    .withoutToken()
                    .post("/pay/recharge-requests", rechargeJson(accountNo, "5.00"));

            assertThat(refused.status()).as(refused.body()).isEqualTo(503);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            String requestId = refused.json().get("requestId").asString();
            assertThat(rows(stack, "account_pay", "account_no", accountNo)).isZero();
            // Decided as never to be paid, so a copy the broker might hold after all pays nothing.
            assertThat(awaitDecided(stack, requestId).get("status").asString()).isEqualTo("REJECTED");
        }
    }

    @Test
    void aConsumerThatCrashesBeforeItsCommitGetsTheRequestAgainAndPaysOnce() {
        DtxStack stack = DtxStack.get();
        String accountNo = stack.db.newAccount(DtxStack.CRASH_REQUEST_ACCOUNT_PREFIX);

        Http.Response accepted = stack.payHttp.post("/pay/recharge-requests", rechargeJson(accountNo, "7.00"));

        String requestId = accepted.json().get("requestId").asString();
        JsonNode paid = awaitDecided(stack, requestId);
        assertThat(paid.get("status").asString()).isEqualTo("PAID");
        await().atMost(Duration.ofSeconds(30))
                .until(() -> stack.db.credits(paid.get("txNo").asString()) == 1);
        assertThat(DtxStack.CRASHED_REQUESTS)
                .as("the first attempt really crashed")
                .contains(requestId);
        assertThat(rows(stack, "account_pay", "account_no", accountNo))
                .as("the crashed attempt left nothing behind")
                .isEqualTo(1);
        assertThat(stack.db.balance(accountNo)).isEqualByComparingTo("7.00");
    }

    @Test
    void theSameRequestDeliveredTwiceIsPaidOnceAndUnsignedOrAccountSignedOnesNotAtAll() throws Exception {
        DtxStack stack = DtxStack.get();
        String accountNo = stack.db.newAccount("queue-first-twice-");
        String requestId = UUID.randomUUID().toString();
        String forgedId = UUID.randomUUID().toString();
        String accountSignedId = UUID.randomUUID().toString();
        Message signed = request(requestId, accountNo, "9.00", DtxStack.REQUEST_SIGNING);
        Message forged = request(forgedId, accountNo, "900.00", null);
        // Signed with the message keys, which the account side holds too: not proof of the pay side.
        Message accountSigned = request(accountSignedId, accountNo, "90.00", DtxStack.MESSAGE_SIGNING);
        Counter refused = stack.pay.getBean(MeterRegistry.class).counter("dtx.pay.requests.refused");
        double refusedBefore = refused.count();

        Messages.send(stack.infra.namesrvAddr(), List.of(signed, signed, forged, accountSigned));

        JsonNode paid = awaitDecided(stack, requestId);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> stack.db.credits(paid.get("txNo").asString()) == 1);
        Thread.sleep(2000); // room for the second copy and the forged one to be consumed
        assertThat(rows(stack, "account_pay", "account_no", accountNo)).isEqualTo(1);
        assertThat(rows(stack, "recharge_request", "request_id", forgedId)).isZero();
        assertThat(rows(stack, "recharge_request", "request_id", accountSignedId))
                .isZero();
        assertThat(stack.db.balance(accountNo)).isEqualByComparingTo(new BigDecimal("9.00"));
        assertThat(refused.count())
                .as("the unsigned and the account-signed requests were refused, and counted")
                .isGreaterThanOrEqualTo(refusedBefore + 2);
    }

    @Test
    void aKeyUsedBeforeDecidesTheRequestPaidWithTheSameBodyAndRejectedWithAnother() {
        DtxStack stack = DtxStack.get();
        String accountNo = stack.db.newAccount("queue-first-key-");
        Map<String, String> key =
                Map.of("Content-Type", "application/json", "Idempotency-Key", "order-" + UUID.randomUUID());
        Http.Response first = stack.payHttp.post("/pay/recharges", rechargeJson(accountNo, "3.00"), key);
        String txNo = first.json().get("txNo").asString();

        JsonNode again = awaitDecided(
                stack, requestId(stack.payHttp.post("/pay/recharge-requests", rechargeJson(accountNo, "3.00"), key)));
        JsonNode other = awaitDecided(
                stack, requestId(stack.payHttp.post("/pay/recharge-requests", rechargeJson(accountNo, "4.00"), key)));

        assertThat(again.get("status").asString()).isEqualTo("PAID");
        assertThat(again.get("txNo").asString())
                .as("the earlier payment, not a second one")
                .isEqualTo(txNo);
        assertThat(other.get("status").asString()).isEqualTo("REJECTED");
        assertThat(other.get("reason").asString()).contains("Idempotency-Key");
        assertThat(rows(stack, "account_pay", "account_no", accountNo)).isEqualTo(1);
    }

    private static String requestId(Http.Response accepted) {
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        return accepted.json().get("requestId").asString();
    }

    private static Message request(String requestId, String accountNo, String amount, MessageSigning signing) {
        String body = "{\"requestId\":\"" + requestId + "\",\"accountNo\":\"" + accountNo + "\",\"amount\":" + amount
                + ",\"idempotencyKey\":null,\"requestHash\":\""
                + RechargeService.hash(accountNo, new BigDecimal(amount))
                + "\",\"requestedAt\":\"" + Instant.now() + "\"}";
        Message message = new Message(
                Messaging.RECHARGE_REQUEST_TOPIC,
                "RechargeRequested",
                requestId,
                body.getBytes(StandardCharsets.UTF_8));
        if (signing != null) {
            Signature signature =
                    signing.sign((Messaging.RECHARGE_REQUEST_SIGNED_AS + body).getBytes(StandardCharsets.UTF_8));
            message.putUserProperty(MessageSigning.KEY_ID_PROPERTY, signature.keyId());
            message.putUserProperty(MessageSigning.SIGNATURE_PROPERTY, signature.value());
        }
        return message;
    }

    private static JsonNode awaitDecided(DtxStack stack, String requestId) {
        Http http = stack.payHttp.withoutToken();
        await().atMost(Duration.ofSeconds(60))
                .until(() -> !"ACCEPTED"
                        .equals(http.get("/pay/recharge-requests/" + requestId)
                                .json()
                                .get("status")
                                .asString()));
        return http.get("/pay/recharge-requests/" + requestId).json();
    }

    private static long rows(DtxStack stack, String table, String column, String value) {
        return stack.db.scalar(
                "bank1_pay", "SELECT COUNT(*) FROM " + table + " WHERE " + column + " = ?", Long.class, value);
    }

    private static int freePort() {
        try {
            return OutboxInstances.freePort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
