package io.dtx.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * What each of a service's own failures tells the client: status, title and any extra fields.
 * Each service declares one catalog bean; {@link ProblemResponses} turns a thrown exception into
 * the problem its entry describes. The exceptions stay plain Java: they say what went wrong, the
 * catalog says how that reads over HTTP, in one place a newcomer can scan.
 */
public final class ProblemCatalog {

    private record Entry<E extends RuntimeException>(
            Class<E> type, HttpStatus status, String title, BiConsumer<E, ProblemDetail> details) {

        ProblemDetail problem(RuntimeException e) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, e.getMessage());
            problem.setTitle(title);
            details.accept(type.cast(e), problem);
            return problem;
        }
    }

    private final List<Entry<?>> entries = new ArrayList<>();

    /** Maps an exception (and its subclasses) to a status and a title; the detail is its message. */
    public <E extends RuntimeException> ProblemCatalog map(Class<E> type, HttpStatus status, String title) {
        return map(type, status, title, (e, problem) -> {});
    }

    /** As {@link #map(Class, HttpStatus, String)}, then {@code details} adds or replaces fields. */
    public <E extends RuntimeException> ProblemCatalog map(
            Class<E> type, HttpStatus status, String title, BiConsumer<E, ProblemDetail> details) {
        entries.add(new Entry<>(type, status, title, details));
        return this;
    }

    /** The problem for {@code e}, from the first entry whose type it is; empty if none is. */
    Optional<ProblemDetail> problemFor(RuntimeException e) {
        return entries.stream()
                .filter(entry -> entry.type().isInstance(e))
                .findFirst()
                .map(entry -> entry.problem(e));
    }
}
