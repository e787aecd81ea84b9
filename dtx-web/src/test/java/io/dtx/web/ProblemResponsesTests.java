package io.dtx.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Which failure reads as which problem: what a client may retry, and what it must not. */
class ProblemResponsesTests {

    static class PaymentMissing extends RuntimeException {
        PaymentMissing() {
            super("No payment 'tx-1'.");
        }
    }

    @RestController
    static class Failing {
        @GetMapping("/fail/{kind}")
        String fail(@PathVariable String kind) {
            throw switch (kind) {
                case "mapped" -> new PaymentMissing();
                case "connection" -> new DataAccessResourceFailureException("connection refused");
                case "lock" -> new CannotAcquireLockException("lock wait timeout");
                case "transaction" -> new CannotCreateTransactionException("no connection");
                case "constraint" -> new DataIntegrityViolationException("Data too long for column 'id'");
                default -> new IllegalStateException("a bug, with internals: /etc/secret");
            };
        }
    }

    private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new Failing())
            .setControllerAdvice(new ProblemResponses(new ProblemCatalog()
                    .map(
                            PaymentMissing.class,
                            HttpStatus.NOT_FOUND,
                            "Payment not found",
                            (e, p) -> p.setProperty("txNo", "tx-1"))))
            .build();

    @Test
    void aServiceFailureReadsAsItsCatalogSays() throws Exception {
        mvc.perform(get("/fail/mapped"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.title").value("Payment not found"))
                .andExpect(jsonPath("$.detail").value("No payment 'tx-1'."))
                .andExpect(jsonPath("$.txNo").value("tx-1"));
    }

    @Test
    void aDatabaseThatCannotBeReachedRightNowIsA503TheClientMayRetry() throws Exception {
        for (String kind : new String[] {"connection", "lock", "transaction"}) {
            mvc.perform(get("/fail/" + kind))
                    .andExpect(status().isServiceUnavailable())
                    .andExpect(jsonPath("$.title").value("Database unavailable"));
        }
    }

    @Test
    void aFailureTheSameRequestWouldMeetAgainIsA500NotRetryLater() throws Exception {
        mvc.perform(get("/fail/constraint"))
                .andExpect(status().isInternalServerError())
                .andExpect(jsonPath("$.detail").value("The request could not be completed."));
    }

    @Test
    void anythingUnexpectedIsA500ThatRevealsNothing() throws Exception {
        mvc.perform(get("/fail/bug"))
                .andExpect(status().isInternalServerError())
                .andExpect(content().string(not(containsString("secret"))));
    }
}
