package io.dtx.walkthrough.demo;

import io.dtx.walkthrough.probe.Databases;
import io.dtx.walkthrough.stack.EnvironmentsStack;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The environments' books, read as the administrator from each one's own account database
 * ({@code bank1_dev}, {@code bank1_staging}): what each credited, and what crossed over.
 */
final class EnvironmentBooks {

    static final String ZHANG_SAN = "1";

    private final Databases db;
    private final Narrator say;

    EnvironmentBooks(Databases db, Narrator say) {
        this.db = db;
        this.say = say;
    }

    /** {@code paid}: the payments made, by the environment they belong to. */
    void show(Map<String, List<String>> paid) {
        List<List<String>> rows = new ArrayList<>();
        for (String env : EnvironmentsStack.ENVIRONMENTS) {
            String other = other(env);
            long here = paid.get(env).stream().filter(t -> credits(env, t) == 1).count();
            long there =
                    paid.get(env).stream().filter(t -> credits(other, t) > 0).count();
            rows.add(List.of(
                    env,
                    Integer.toString(paid.get(env).size()),
                    say.words().text("books.in", here, env),
                    say.words().text("books.in", there, other),
                    balance(env).toPlainString()));
        }
        List<String> head = List.of(
                say.words().text("books.column.environment"),
                say.words().text("books.column.payments"),
                say.words().text("books.column.credited"),
                say.words().text("books.column.crossed"),
                say.words().text("books.column.balance"));
        say.table(head, rows);
    }

    /** Payments of one environment credited in the other. */
    long crossed(Map<String, List<String>> paid) {
        return EnvironmentsStack.ENVIRONMENTS.stream()
                .mapToLong(env -> paid.get(env).stream()
                        .filter(t -> credits(other(env), t) > 0)
                        .count())
                .sum();
    }

    long credits(String env, String txNo) {
        return db.scalar("bank1_" + env, "SELECT COUNT(*) FROM de_duplication WHERE tx_no = ?", Long.class, txNo);
    }

    long totalCredits(String txNo) {
        return EnvironmentsStack.ENVIRONMENTS.stream()
                .mapToLong(env -> credits(env, txNo))
                .sum();
    }

    BigDecimal balance(String env) {
        return db.scalar(
                "bank1_" + env,
                "SELECT account_balance FROM account_info WHERE account_no = ?",
                BigDecimal.class,
                ZHANG_SAN);
    }

    private static String other(String env) {
        return env.equals("dev") ? "staging" : "dev";
    }
}
