package io.dtx.web;

import java.lang.annotation.Annotation;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.NestedRuntimeException;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.NonTransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.transaction.TransactionException;
import org.springframework.validation.FieldError;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;

/**
 * Every error of both services as an RFC 9457 problem body ({@code application/problem+json}),
 * with one behaviour: bad input is a 400 that names each offending field in {@code errors} (body
 * fields by their JSON path, headers by their header name), a database that cannot be reached is
 * a 503 the client may retry, each service's own failures read as its {@link ProblemCatalog}
 * says, and anything unexpected is a 500 that reveals nothing of the server.
 */
@RestControllerAdvice
class ProblemResponses extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemResponses.class);

    private final ProblemCatalog catalog;

    ProblemResponses(ProblemCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> errors = ex.getBindingResult().getFieldErrors().stream()
                .map(ProblemResponses::fieldError)
                .toList();
        return badRequest(ex, headers, request, "Invalid request: " + describe(errors), errors);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(
            HandlerMethodValidationException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> errors = ex.getParameterValidationResults().stream()
                .flatMap(ProblemResponses::parameterErrors)
                .toList();
        return badRequest(ex, headers, request, "Invalid request: " + describe(errors), errors);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String field = ex.getMostSpecificCause() instanceof JacksonException json
                ? json.getPath().stream()
                        .map(JacksonException.Reference::getPropertyName)
                        .filter(Objects::nonNull)
                        .collect(Collectors.joining("."))
                : "";
        String detail = field.isEmpty()
                ? "The request body is not valid JSON of the expected shape."
                : "Field '" + field + "' is unknown or has the wrong type.";
        List<Map<String, String>> errors =
                field.isEmpty() ? List.of() : List.of(Map.of("field", field, "message", "unknown or wrong type"));
        return badRequest(ex, headers, request, detail, errors);
    }

    /**
     * No connection, one the database dropped, a lock wait or a timeout: Spring reports these as
     * several kinds (and a failure it cannot classify as uncategorized); the client may retry.
     */
    @ExceptionHandler({DataAccessException.class, TransactionException.class})
    ProblemDetail databaseDown(NestedRuntimeException e) {
        log.warn("Database unavailable: {}", e.getMostSpecificCause().getMessage());
        return problem(
                HttpStatus.SERVICE_UNAVAILABLE, "Database unavailable", "The database is unavailable. Retry later.");
    }

    /**
     * A failure that the same request would meet again (a constraint, bad SQL, a value that does
     * not fit) is a bug or a state a person must look at: 500, never "retry later", which would
     * send clients into a loop. A lost connection is non-transient to Spring but worth a retry.
     */
    @ExceptionHandler(NonTransientDataAccessException.class)
    ProblemDetail databaseRefused(NonTransientDataAccessException e) {
        if (e instanceof DataAccessResourceFailureException) {
            return databaseDown(e);
        }
        log.error("The database refused the request", e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error", "The request could not be completed.");
    }

    /** The service's own failures by its catalog; anything else is a bug, told to nobody but the log. */
    @ExceptionHandler(RuntimeException.class)
    ProblemDetail serviceFailure(RuntimeException e) {
        return catalog.problemFor(e)
                .map(problem -> {
                    if (problem.getStatus() >= 500) {
                        log.warn(
                                "{}: {}",
                                problem.getTitle(),
                                e.getCause() == null
                                        ? e.getMessage()
                                        : e.getCause().getMessage());
                    }
                    return problem;
                })
                .orElseGet(() -> {
                    log.error("Unexpected failure", e);
                    return problem(
                            HttpStatus.INTERNAL_SERVER_ERROR, "Internal error", "The request could not be completed.");
                });
    }

    private ResponseEntity<Object> badRequest(
            Exception ex, HttpHeaders headers, WebRequest request, String detail, List<Map<String, String>> errors) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Invalid request", detail);
        problem.setProperty("errors", errors);
        return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    /** A @Valid body comes back as ParameterErrors with one FieldError per bad field. */
    private static Stream<Map<String, String>> parameterErrors(ParameterValidationResult result) {
        if (result instanceof ParameterErrors body) {
            return body.getFieldErrors().stream().map(ProblemResponses::fieldError);
        }
        String name = parameterName(result);
        return result.getResolvableErrors().stream()
                .map(e -> Map.of("field", name, "message", String.valueOf(e.getDefaultMessage())));
    }

    private static Map<String, String> fieldError(FieldError e) {
        return Map.of("field", e.getField(), "message", String.valueOf(e.getDefaultMessage()));
    }

    /** A header is named as the client sends it ({@code Idempotency-Key}), not by the Java parameter. */
    private static String parameterName(ParameterValidationResult result) {
        for (Annotation a : result.getMethodParameter().getParameterAnnotations()) {
            if (a instanceof RequestHeader header && !header.name().isEmpty()) {
                return header.name();
            }
        }
        return String.valueOf(result.getMethodParameter().getParameterName());
    }

    private static String describe(List<Map<String, String>> errors) {
        return errors.stream().map(e -> e.get("field") + " " + e.get("message")).collect(Collectors.joining("; "));
    }

    private static ProblemDetail problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return problem;
    }
}
