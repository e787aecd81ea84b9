package io.dtx.system;

import static io.dtx.system.Http.rechargeJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.apache.rocketmq.common.message.Message;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** 200 concurrent recharges to one hot account, with duplicate deliveries injected, add up to the cent. */
class ConcurrentRechargesIntegrationTests {

    private static final int RECHARGES = 200;
    private static final int DUPLICATES = 60;

    private static DtxStack stack;

    @BeforeAll
    static void startStack() {
        stack = DtxStack.get();
    }

    @Test
    void concurrentRechargesWithDuplicatesAreEachCreditedExactlyOnce() throws Exception {
        String accountNo = stack.db.newAccount("hot-");
        Random random = new Random(42);
        List<String> amounts = IntStream.range(0, RECHARGES)
                .mapToObj(i -> BigDecimal.valueOf(1 + random.nextInt(99_999), 2).toPlainString())
                .toList();
        List<Http.Response> responses = rechargeConcurrently(accountNo, amounts);
        assertThat(responses).allSatisfy(r -> assertThat(r.status()).isEqualTo(201));
        BigDecimal expected = responses.stream()
                .map(r -> r.json().get("amount").decimalValue())
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        List<String> txNos =
                responses.stream().map(r -> r.json().get("txNo").asString()).toList();

        resendAsDuplicates(accountNo, responses.subList(0, DUPLICATES));

        await().atMost(Duration.ofSeconds(60))
                .until(() -> stack.db.scalar(
                                "bank1",
                                "SELECT COUNT(*) FROM de_duplication WHERE account_no = ?",
                                Long.class,
                                accountNo)
                        == RECHARGES);
        await().during(Duration.ofSeconds(3))
                .atMost(Duration.ofSeconds(5))
                .until(() -> stack.db.balance(accountNo).compareTo(expected) == 0);
        assertThat(stack.db.scalar(
                        "bank1",
                        "SELECT COALESCE(SUM(amount), 0) FROM de_duplication WHERE account_no = ?",
                        BigDecimal.class,
                        accountNo))
                .isEqualByComparingTo(expected);
        assertThat(txNos)
                .doesNotHaveDuplicates()
                .allSatisfy(txNo -> assertThat(stack.db.credits(txNo)).isEqualTo(1));
    }

    private static List<Http.Response> rechargeConcurrently(String accountNo, List<String> amounts) {
        ExecutorService clients = Executors.newFixedThreadPool(16);
        try {
            List<CompletableFuture<Http.Response>> calls = amounts.stream()
                    .map(amount -> CompletableFuture.supplyAsync(
                            () -> stack.payHttp.post("/pay/recharges", rechargeJson(accountNo, amount)), clients))
                    .toList();
            return calls.stream().map(CompletableFuture::join).toList();
        } finally {
            clients.shutdown();
        }
    }

    private static void resendAsDuplicates(String accountNo, List<Http.Response> payments) throws Exception {
        List<Message> copies = new ArrayList<>();
        for (Http.Response payment : payments) {
            String txNo = payment.json().get("txNo").asString();
            String body = "{\"txNo\":\"" + txNo + "\",\"accountNo\":\"" + accountNo + "\",\"amount\":"
                    + payment.json().get("amount").decimalValue().toPlainString() + ",\"paidAt\":\"" + Instant.now()
                    + "\"}";
            copies.add(Messages.signed(txNo, body));
        }
        Messages.send(stack.infra.namesrvAddr(), copies);
    }
}
