package io.dtx.account.web;

import io.dtx.account.account.AccountNotFoundException;
import io.dtx.account.credit.UnknownAccountException;
import io.dtx.account.pull.PayServiceUnavailableException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.NestedRuntimeException;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.TransactionException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/** Every error as an RFC 9457 problem body; invalid path values are named in {@code errors}. */
@RestControllerAdvice
class ProblemResponses extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemResponses.class);

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex, HttpHeaders headers,
                                                                            HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> errors = ex.getParameterValidationResults().stream()
                .flatMap(r -> r.getResolvableErrors().stream().map(e -> Map.of(
                        "field", String.valueOf(r.getMethodParameter().getParameterName()),
                        "message", String.valueOf(e.getDefaultMessage()))))
                .toList();
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Invalid request",
                "Invalid request: " + errors.stream().map(e -> e.get("field") + " " + e.get("message")).collect(Collectors.joining("; ")));
        problem.setProperty("errors", errors);
        return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    @ExceptionHandler(AccountNotFoundException.class)
    ProblemDetail accountNotFound(AccountNotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "Account not found", e.getMessage());
    }

    @ExceptionHandler(UnknownAccountException.class)
    ProblemDetail unknownAccount(UnknownAccountException e) {
        return problem(HttpStatus.UNPROCESSABLE_CONTENT, "Payment for an unknown account", e.getMessage());
    }

    @ExceptionHandler(PayServiceUnavailableException.class)
    ProblemDetail payServiceDown(PayServiceUnavailableException e) {
        log.warn(e.getMessage());
        return problem(HttpStatus.SERVICE_UNAVAILABLE, "Pay service unavailable",
                "The pay service could not be asked; nothing was credited and nothing is known about the payment. Retry later.");
    }

    /** No connection, or one the database dropped: Spring reports it as either kind, the client may retry either way. */
    @ExceptionHandler({DataAccessException.class, TransactionException.class})
    ProblemDetail databaseDown(NestedRuntimeException e) {
        log.warn("Database unavailable: {}", e.getMostSpecificCause().getMessage());
        return problem(HttpStatus.SERVICE_UNAVAILABLE, "Database unavailable", "The account database is unavailable. Retry later.");
    }

    private static ProblemDetail problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return problem;
    }
}
