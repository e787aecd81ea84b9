package io.dtx.pay.web;

import io.dtx.pay.feed.InvalidRangeException;
import io.dtx.pay.halfmessage.BrokerUnavailableException;
import io.dtx.pay.outbox.NotGivenUpException;
import io.dtx.pay.outbox.OutboxRowNotFoundException;
import io.dtx.pay.queuefirst.RequestNotAcceptedException;
import io.dtx.pay.recharge.IdempotencyKeyReusedException;
import io.dtx.pay.recharge.PaymentNotFoundException;
import io.dtx.pay.recharge.PaymentNotTakenException;
import io.dtx.pay.recharge.PaymentOutcomeUnknownException;
import io.dtx.web.ProblemCatalog;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;

/**
 * What each of the pay service's own failures tells the client. Bad input, a database that is
 * down and unexpected errors are answered the same way in both services (see {@code dtx-web}).
 */
@Configuration(proxyBeanMethods = false)
class PayProblems {

    @Bean
    ProblemCatalog problemCatalog() {
        return new ProblemCatalog()
                .map(PaymentNotFoundException.class, HttpStatus.NOT_FOUND, "Payment not found")
                .map(InvalidRangeException.class, HttpStatus.BAD_REQUEST, "Invalid request")
                .map(IdempotencyKeyReusedException.class, HttpStatus.UNPROCESSABLE_CONTENT, "Idempotency-Key reused")
                .map(OutboxRowNotFoundException.class, HttpStatus.NOT_FOUND, "Outbox row not found")
                .map(NotGivenUpException.class, HttpStatus.CONFLICT, "Outbox row not given up")
                .map(
                        RequestNotAcceptedException.class,
                        HttpStatus.SERVICE_UNAVAILABLE,
                        "Recharge request not accepted",
                        (e, problem) -> problem.setProperty("requestId", e.requestId()))
                .map(BrokerUnavailableException.class, HttpStatus.SERVICE_UNAVAILABLE, "Message broker unavailable")
                .map(
                        PaymentNotTakenException.class,
                        HttpStatus.SERVICE_UNAVAILABLE,
                        "Payment not taken",
                        (e, problem) -> problem.setProperty("txNo", e.txNo()))
                // Never "nothing was charged" unless that is known: the client learns the txNo and
                // how to find out, and must not simply pay again.
                .map(
                        PaymentOutcomeUnknownException.class,
                        HttpStatus.SERVICE_UNAVAILABLE,
                        "Payment outcome unknown",
                        (e, problem) -> {
                            problem.setProperty("txNo", e.txNo());
                            problem.setProperty("outcome", "unknown");
                        });
    }
}
