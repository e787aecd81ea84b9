package io.dtx.account.payside;

import io.dtx.contract.RechargeSucceeded;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;

/**
 * The pay service's query API, reached by service name through discovery (Nacos in the compose
 * stack, a static list elsewhere). Every failure to get an answer is a
 * {@link PayServiceUnavailableException}: "I could not ask" must never read as "payment failed",
 * the original demo's mistake.
 */
@Component
public class PayClient {

    /** A payment as the pay side reports it. */
    public record Payment(String txNo, String accountNo, BigDecimal amount, String result, Instant createdAt) {

        public boolean succeeded() {
            return "SUCCESS".equals(result);
        }
    }

    /** One page of the pay side's reconciliation feed. */
    public record FeedPage(List<FeedItem> items, long nextAfter, boolean hasMore) {}

    public record FeedItem(
            long seq, String txNo, String accountNo, BigDecimal amount, String result, Instant createdAt) {

        public boolean succeeded() {
            return "SUCCESS".equals(result);
        }

        /** The payment as a credit takes it; its time is when the pay side wrote it. */
        public RechargeSucceeded payment() {
            return new RechargeSucceeded(txNo, accountNo, amount, createdAt);
        }
    }

    /** The pay side's successful payments of one time window, summed (the deep sweep's view). */
    public record Window(Instant start, long payments, BigDecimal amount, long checksum) {}

    private final RestClient pay;

    PayClient(RestClient payServiceRestClient) {
        this.pay = payServiceRestClient;
    }

    /** The payment, or empty when the pay side has never heard of that txNo. */
    public Optional<Payment> payment(String txNo) {
        return ask(
                () -> Optional.ofNullable(
                        pay.get().uri("/pay/recharges/{txNo}", txNo).retrieve().body(Payment.class)),
                Optional.empty());
    }

    public FeedPage feed(long after, int limit) {
        return ask(
                () -> pay.get()
                        .uri("/pay/recharges?after={after}&limit={limit}", after, limit)
                        .retrieve()
                        .body(FeedPage.class),
                null);
    }

    /** Successful payments per window of {@code widthSeconds}; windows without any are absent. */
    public List<Window> windows(Instant from, Instant to, long widthSeconds) {
        return listOf(ask(
                () -> pay.get()
                        .uri("/pay/recharges/windows?from={from}&to={to}&widthSeconds={width}", from, to, widthSeconds)
                        .retrieve()
                        .body(Window[].class),
                null));
    }

    /** One page (at most 1000) of the successful payments written in {@code [from, to)}, by txNo. */
    public List<FeedItem> paid(Instant from, Instant to, String after) {
        return listOf(ask(
                () -> pay.get()
                        .uri("/pay/recharges/paid?from={from}&to={to}&after={after}", from, to, after)
                        .retrieve()
                        .body(FeedItem[].class),
                null));
    }

    /**
     * Tells the pay side that a payment it took is returned to its payer (its account does not
     * exist). False if the pay side holds no successful payment with that txNo: a final answer.
     */
    public boolean requestRefund(String txNo) {
        return ask(
                () -> {
                    pay.post()
                            .uri("/pay/recharges/{txNo}/refunds", txNo)
                            .retrieve()
                            .toBodilessEntity();
                    return true;
                },
                false);
    }

    /** One page (at most 1000) of the txNos the pay side marked for refund in {@code [from, to)}, by txNo. */
    public List<String> refunds(Instant from, Instant to, String after) {
        return listOf(ask(
                () -> pay.get()
                        .uri("/pay/recharges/refunds?from={from}&to={to}&after={after}", from, to, after)
                        .retrieve()
                        .body(String[].class),
                null));
    }

    /**
     * One call to the pay side. Whatever is not an answer (no connection, a timeout, an error
     * status) is a {@link PayServiceUnavailableException}; a 404 is the answer
     * {@code whenNotFound} where the call has one (null: it has none).
     */
    private static <T> T ask(Supplier<T> call, T whenNotFound) {
        try {
            return call.get();
        } catch (RestClientResponseException e) {
            if (whenNotFound != null && e.getStatusCode().isSameCodeAs(HttpStatus.NOT_FOUND)) {
                return whenNotFound;
            }
            throw new PayServiceUnavailableException("pay service answered " + e.getStatusCode(), e);
        } catch (RestClientException | IllegalStateException e) {
            throw new PayServiceUnavailableException(e.getMessage(), e);
        }
    }

    private static <T> List<T> listOf(T[] items) {
        return items == null ? List.of() : List.of(items);
    }
}
