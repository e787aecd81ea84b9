package io.dtx.account.pull;

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
}
