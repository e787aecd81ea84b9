package io.dtx.system;

import static io.dtx.system.Http.rechargeJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The happy path, duplicate delivery and idempotent retries, across both real services. */
class RechargeFlowIntegrationTests {

    private static DtxStack stack;

    @BeforeAll
    static void startStack() {
        stack = DtxStack.get();
    }

    @Test
    void rechargeIsPaidThenCreditedWithinSeconds() {
        BigDecimal before = stack.db.balance("1");

        Http.Response created = stack.payHttp.post("/pay/recharges", rechargeJson("1", "100.00"));

        assertThat(created.status()).isEqualTo(201);
        JsonNode payment = created.json();
        String txNo = payment.get("txNo").asString();
        assertThat(payment.get("accountNo").asString()).isEqualTo("1");
        assertThat(payment.get("amount").decimalValue()).isEqualByComparingTo("100.00");
        assertThat(payment.get("result").asString()).isEqualTo("SUCCESS");
        assertThat(payment.get("createdAt").asString()).isNotBlank();

        await().atMost(Duration.ofSeconds(20)).until(() -> stack.db.credits(txNo) == 1);
        assertThat(stack.db.balance("1")).isEqualByComparingTo(before.add(new BigDecimal("100.00")));
        assertThat(stack.db.appliedBy(txNo)).isEqualTo("MESSAGE");

        Http.Response query = stack.payHttp.get("/pay/recharges/" + txNo);
        assertThat(query.status()).isEqualTo(200);
        assertThat(query.json().get("result").asString()).isEqualTo("SUCCESS");

        JsonNode account = stack.accountHttp.get("/accounts/1").json();
        assertThat(account.get("latestCredits").toString()).contains(txNo);
    }

    @Test
    void theSameMessageDeliveredAgainIsCreditedOnce() throws Exception {
        String accountNo = stack.db.newAccount("dup-");
        Http.Response created = stack.payHttp.post("/pay/recharges", rechargeJson(accountNo, "42.50"));
        String txNo = created.json().get("txNo").asString();
        await().atMost(Duration.ofSeconds(20)).until(() -> stack.db.credits(txNo) == 1);

        // A second, real delivery of the same payment: the same body and key, signed as the pay side signs.
        String body = "{\"txNo\":\"" + txNo + "\",\"accountNo\":\"" + accountNo
                + "\",\"amount\":42.50,\"paidAt\":\"2026-01-01T00:00:00Z\"}";
        Messages.send(stack.infra.namesrvAddr(), List.of(Messages.signed(txNo, body), Messages.signed(txNo, body)));

        // The duplicates reach the consumer: its "already applied" count moves, the balance does not.
        await().atMost(Duration.ofSeconds(20)).until(() -> alreadyAppliedCount() >= 2);
        assertThat(stack.db.credits(txNo)).isEqualTo(1);
        assertThat(stack.db.balance(accountNo)).isEqualByComparingTo("42.50");
    }

    @Test
    void sameIdempotencyKeyAndBodyReturnsTheSamePaymentOnce() {
        String accountNo = stack.db.newAccount("idem-");
        Map<String, String> headers =
                Map.of("Content-Type", "application/json", "Idempotency-Key", "key-" + UUID.randomUUID());

        Http.Response first = stack.payHttp.post("/pay/recharges", rechargeJson(accountNo, "10.00"), headers);
        Http.Response again = stack.payHttp.post("/pay/recharges", rechargeJson(accountNo, "10.00"), headers);

        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(201);
        String txNo = first.json().get("txNo").asString();
        assertThat(again.json().get("txNo").asString()).isEqualTo(txNo);
        assertThat(stack.db.scalar(
                        "bank1_pay", "SELECT COUNT(*) FROM account_pay WHERE account_no = ?", Long.class, accountNo))
                .isEqualTo(1L);
        await().atMost(Duration.ofSeconds(20)).until(() -> stack.db.credits(txNo) == 1);
        assertThat(stack.db.balance(accountNo)).isEqualByComparingTo("10.00");
    }

    @Test
    void idempotencyKeysCompareByteForByteAndBelongToTheirAccount() {
        String accountNo = stack.db.newAccount("idem-");
        String otherCustomer = stack.db.newAccount("idem-");
        String key = "Order-" + UUID.randomUUID();

        String first = paidWithKey(accountNo, key);
        String lowerCase = paidWithKey(accountNo, key.toLowerCase(Locale.ROOT));
        String sameKeyOtherAccount = paidWithKey(otherCustomer, key);

        assertThat(List.of(first, lowerCase, sameKeyOtherAccount)).doesNotHaveDuplicates();
        await().atMost(Duration.ofSeconds(20))
                .until(() -> stack.db.balance(accountNo).compareTo(new BigDecimal("20.00")) == 0);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> stack.db.balance(otherCustomer).compareTo(new BigDecimal("10.00")) == 0);
    }

    @Test
    void accountNumbersCompareByteForByte() {
        String lower = stack.db.newAccount("case-");
        String upper = lower.toUpperCase(Locale.ROOT);

        Http.Response paid = stack.payHttp.post("/pay/recharges", rechargeJson(upper, "5.00"));

        assertThat(paid.status()).isEqualTo(201);
        String txNo = paid.json().get("txNo").asString();
        // No account has that exact number: the payment is held in suspense, never credited to
        // its lower-case look-alike.
        await().atMost(Duration.ofSeconds(20))
                .until(() -> stack.db.scalar("bank1", "SELECT COUNT(*) FROM suspense WHERE tx_no = ?", Long.class, txNo)
                        == 1);
        assertThat(stack.db.credits(txNo)).isZero();
        assertThat(stack.db.balance(lower)).isEqualByComparingTo("0.00");
    }

    private static String paidWithKey(String accountNo, String key) {
        Http.Response response = stack.payHttp.post(
                "/pay/recharges",
                rechargeJson(accountNo, "10.00"),
                Map.of("Content-Type", "application/json", "Idempotency-Key", key));
        assertThat(response.status()).isEqualTo(201);
        return response.json().get("txNo").asString();
    }

    @Test
    void sameIdempotencyKeyWithAnotherBodyIsRefused() {
        String accountNo = stack.db.newAccount("idem-");
        Map<String, String> headers =
                Map.of("Content-Type", "application/json", "Idempotency-Key", "key-" + UUID.randomUUID());
        stack.payHttp.post("/pay/recharges", rechargeJson(accountNo, "10.00"), headers);

        Http.Response reused = stack.payHttp.post("/pay/recharges", rechargeJson(accountNo, "99.00"), headers);

        assertThat(reused.status()).isEqualTo(422);
        assertThat(reused.contentType()).startsWith("application/problem+json");
        assertThat(reused.json().get("detail").asString()).contains("Idempotency-Key");
        assertThat(stack.db.scalar(
                        "bank1_pay", "SELECT COUNT(*) FROM account_pay WHERE account_no = ?", Long.class, accountNo))
                .isEqualTo(1L);
    }

    @Test
    void unknownTransactionNumberIsNotFound() {
        Http.Response response = stack.payHttp.get("/pay/recharges/" + UUID.randomUUID());

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    private static double alreadyAppliedCount() {
        var counter = stack.account
                .getBean(MeterRegistry.class)
                .find("dtx.account.credits")
                .tags("path", "message", "outcome", "already_applied")
                .counter();
        return counter == null ? 0 : counter.count();
    }
}
