package io.dtx.account.payside;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
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
    }

    /** The pay side's successful payments of one time window, summed (the deep sweep's view). */
    public record Window(Instant start, long payments, BigDecimal amount, long checksum) {}

    private final RestClient pay;

    PayClient(RestClient payServiceRestClient) {
        this.pay = payServiceRestClient;
    }

    /** The payment, or empty when the pay side has never heard of that txNo. */
    public Optional<Payment> payment(String txNo) {
        try {
            return Optional.ofNullable(
                    pay.get().uri("/pay/recharges/{txNo}", txNo).retrieve().body(Payment.class));
        } catch (RestClientResponseException e) {
            if (e.getStatusCode().isSameCodeAs(HttpStatus.NOT_FOUND)) {
                return Optional.empty();
            }
            throw new PayServiceUnavailableException("pay service answered " + e.getStatusCode(), e);
        } catch (RestClientException | IllegalStateException e) {
            throw new PayServiceUnavailableException(e.getMessage(), e);
        }
    }

    public FeedPage feed(long after, int limit) {
        try {
            return pay.get()
                    .uri("/pay/recharges?after={after}&limit={limit}", after, limit)
                    .retrieve()
                    .body(FeedPage.class);
        } catch (RestClientException | IllegalStateException e) {
            throw new PayServiceUnavailableException(e.getMessage(), e);
        }
    }

    /** Successful payments per window of {@code widthSeconds}; windows without any are absent. */
    public List<Window> windows(Instant from, Instant to, long widthSeconds) {
        try {
            Window[] windows = pay.get()
                    .uri("/pay/recharges/windows?from={from}&to={to}&widthSeconds={width}", from, to, widthSeconds)
                    .retrieve()
                    .body(Window[].class);
            return windows == null ? List.of() : List.of(windows);
        } catch (RestClientException | IllegalStateException e) {
            throw new PayServiceUnavailableException(e.getMessage(), e);
        }
    }

    /** One page (at most 1000) of the successful payments written in {@code [from, to)}, by txNo. */
    public List<FeedItem> paid(Instant from, Instant to, String after) {
        try {
            FeedItem[] items = pay.get()
                    .uri("/pay/recharges/paid?from={from}&to={to}&after={after}", from, to, after)
                    .retrieve()
                    .body(FeedItem[].class);
            return items == null ? List.of() : List.of(items);
        } catch (RestClientException | IllegalStateException e) {
            throw new PayServiceUnavailableException(e.getMessage(), e);
        }
    }

    /**
     * Tells the pay side that a payment it took is returned to its payer (its account does not
     * exist). False if the pay side holds no successful payment with that txNo: a final answer.
     */
    public boolean requestRefund(String txNo) {
        try {
            pay.post().uri("/pay/recharges/{txNo}/refunds", txNo).retrieve().toBodilessEntity();
            return true;
        } catch (RestClientResponseException e) {
            if (e.getStatusCode().isSameCodeAs(HttpStatus.NOT_FOUND)) {
                return false;
            }
            throw new PayServiceUnavailableException("pay service answered " + e.getStatusCode(), e);
        } catch (RestClientException | IllegalStateException e) {
            throw new PayServiceUnavailableException(e.getMessage(), e);
        }
    }

    /** One page (at most 1000) of the txNos the pay side marked for refund in {@code [from, to)}, by txNo. */
    public List<String> refunds(Instant from, Instant to, String after) {
        try {
            String[] txNos = pay.get()
                    .uri("/pay/recharges/refunds?from={from}&to={to}&after={after}", from, to, after)
                    .retrieve()
                    .body(String[].class);
            return txNos == null ? List.of() : List.of(txNos);
        } catch (RestClientException | IllegalStateException e) {
            throw new PayServiceUnavailableException(e.getMessage(), e);
        }
    }
}
