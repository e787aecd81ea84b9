package io.dtx.account.web;

import io.dtx.account.account.AccountNotFoundException;
import io.dtx.account.callback.CallbackRefusedException;
import io.dtx.account.callback.PoisonCallbackException;
import io.dtx.account.credit.PastRetentionException;
import io.dtx.account.credit.UnknownAccountException;
import io.dtx.account.payside.PayServiceUnavailableException;
import io.dtx.account.suspense.AlreadyCreditedException;
import io.dtx.account.suspense.NotInSuspenseException;
import io.dtx.web.ProblemCatalog;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;

/**
 * What each of the account service's own failures tells the client. Bad input, a database that is
 * down and unexpected errors are answered the same way in both services (see {@code dtx-web}).
 */
@Configuration(proxyBeanMethods = false)
class AccountProblems {

    @Bean
    ProblemCatalog problemCatalog() {
        return new ProblemCatalog()
                .map(AccountNotFoundException.class, HttpStatus.NOT_FOUND, "Account not found")
                .map(UnknownAccountException.class, HttpStatus.UNPROCESSABLE_CONTENT, "Payment for an unknown account")
                .map(NotInSuspenseException.class, HttpStatus.NOT_FOUND, "Not in suspense")
                .map(AlreadyCreditedException.class, HttpStatus.CONFLICT, "Payment already credited")
                .map(PastRetentionException.class, HttpStatus.CONFLICT, "Payment older than the dedup retention")
                .map(CallbackRefusedException.class, HttpStatus.UNAUTHORIZED, "Callback refused")
                .map(PoisonCallbackException.class, HttpStatus.BAD_REQUEST, "Callback cannot be credited")
                // "I could not ask" must never read as "the payment failed", the original demo's mistake.
                .map(
                        PayServiceUnavailableException.class,
                        HttpStatus.SERVICE_UNAVAILABLE,
                        "Pay service unavailable",
                        (e, problem) -> problem.setDetail("The pay service could not be asked; nothing was credited "
                                + "and nothing is known about the payment. Retry later."));
    }
}
