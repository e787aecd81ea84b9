package io.dtx.pay.web;

import io.dtx.pay.recharge.BrokerUnavailableException;
import io.dtx.pay.recharge.IdempotencyKeyReusedException;
import io.dtx.pay.recharge.PaymentNotFoundException;
import io.dtx.pay.recharge.PaymentNotTakenException;
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
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.transaction.TransactionException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;

/**
 * Every error as an RFC 9457 problem body ({@code application/problem+json}). Validation errors
 * name the offending field in {@code errors}, so a client can tell what to fix.
 */
@RestControllerAdvice
class ProblemResponses extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemResponses.class);

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> errors = ex.getBindingResult().getFieldErrors().stream()
                .map(e -> Map.of("field", e.getField(), "message", String.valueOf(e.getDefaultMessage())))
                .toList();
        return badRequest(ex, headers, request, "Invalid request: " + describe(errors), errors);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex, HttpHeaders headers,
                                                                            HttpStatusCode status, WebRequest request) {
        // A @Valid body comes back as ParameterErrors with one FieldError per bad field; a header,
        // path or query value as a plain error of that parameter.
        List<Map<String, String>> errors = ex.getParameterValidationResults().stream()
                .flatMap(r -> r instanceof ParameterErrors body
                        ? body.getFieldErrors().stream().map(e -> Map.of("field", e.getField(), "message", String.valueOf(e.getDefaultMessage())))
                        : r.getResolvableErrors().stream().map(e -> Map.of(
                                "field", parameterName(r.getMethodParameter().getParameterName(), r.getMethodParameter().getParameterAnnotations()),
                                "message", String.valueOf(e.getDefaultMessage()))))
                .toList();
        return badRequest(ex, headers, request, "Invalid request: " + describe(errors), errors);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        String field = ex.getMostSpecificCause() instanceof JacksonException json
                ? json.getPath().stream().map(JacksonException.Reference::getPropertyName)
                        .filter(name -> name != null).collect(Collectors.joining("."))
                : "";
        String detail = field.isEmpty()
                ? "The request body is not valid JSON of the expected shape."
                : "Field '" + field + "' is unknown or has the wrong type.";
        List<Map<String, String>> errors = field.isEmpty() ? List.of() : List.of(Map.of("field", field, "message", "unknown or wrong type"));
        return badRequest(ex, headers, request, detail, errors);
    }

    @ExceptionHandler(PaymentNotFoundException.class)
    ProblemDetail notFound(PaymentNotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "Payment not found", e.getMessage());
    }

    @ExceptionHandler(IdempotencyKeyReusedException.class)
    ProblemDetail keyReused(IdempotencyKeyReusedException e) {
        return problem(HttpStatus.UNPROCESSABLE_CONTENT, "Idempotency-Key reused", e.getMessage());
    }

    @ExceptionHandler(BrokerUnavailableException.class)
    ProblemDetail brokerDown(BrokerUnavailableException e) {
        log.warn("Recharge refused, broker unreachable: {}", e.getCause().getMessage());
        return problem(HttpStatus.SERVICE_UNAVAILABLE, "Message broker unavailable", e.getMessage());
    }

    @ExceptionHandler(PaymentNotTakenException.class)
    ProblemDetail notTaken(PaymentNotTakenException e) {
        ProblemDetail problem = problem(HttpStatus.SERVICE_UNAVAILABLE, "Payment not taken", e.getMessage());
        problem.setProperty("txNo", e.txNo());
        return problem;
    }

    /** No connection, or one the database dropped: Spring reports it as either kind, the client may retry either way. */
    @ExceptionHandler({DataAccessException.class, TransactionException.class})
    ProblemDetail databaseDown(NestedRuntimeException e) {
        log.warn("Database unavailable: {}", e.getMostSpecificCause().getMessage());
        return problem(HttpStatus.SERVICE_UNAVAILABLE, "Database unavailable", "The payment database is unavailable. Retry later.");
    }

    private ResponseEntity<Object> badRequest(Exception ex, HttpHeaders headers, WebRequest request, String detail,
                                              List<Map<String, String>> errors) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Invalid request", detail);
        problem.setProperty("errors", errors);
        return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    private static ProblemDetail problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return problem;
    }

    private static String parameterName(String name, java.lang.annotation.Annotation[] annotations) {
        for (java.lang.annotation.Annotation a : annotations) {
            if (a instanceof org.springframework.web.bind.annotation.RequestHeader h && !h.name().isEmpty()) {
                return h.name();
            }
        }
        return name;
    }

    private static String describe(List<Map<String, String>> errors) {
        return errors.stream().map(e -> e.get("field") + " " + e.get("message")).collect(Collectors.joining("; "));
    }
}
