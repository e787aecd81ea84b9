package io.dtx.walkthrough.demo;

import static io.dtx.walkthrough.demo.Scene.shortTx;

import io.dtx.contract.Messaging;
import io.dtx.walkthrough.probe.Databases;
import io.dtx.walkthrough.probe.Http;
import io.dtx.walkthrough.probe.MessagesByKey;
import io.dtx.walkthrough.probe.Reply;
import io.dtx.walkthrough.probe.Waits;
import io.dtx.walkthrough.stack.EnvironmentsStack;
import io.dtx.walkthrough.stack.Workspace;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Two environments, {@code dev} and {@code staging}, on one {@code bank1_pay}, routed apart: each
 * checked from the databases (every environment's own {@code bank1_<env>}), never from what the
 * relay says about itself.
 */
final class EnvironmentsStory {

    /** The keys of the four steps' headings ({@code demo/narration.properties}). */
    static final List<String> TITLES = List.of(
            "environments.title.logins",
            "environments.title.routed",
            "environments.title.keptBack",
            "environments.title.audit");

    private static final String ZHANG_SAN = EnvironmentBooks.ZHANG_SAN;
    private static final Duration CREDIT_TIMEOUT = Duration.ofSeconds(60);
    private static final String INSERT_PAYMENT =
            "INSERT INTO account_pay (id, account_no, pay_amount, result) VALUES (?, ?, ?, 'success')";

    private final Workspace workspace;
    private final EnvironmentsStack stack;
    private final Narrator say;
    private final Databases db;
    private final EnvironmentBooks books;
    private final Http http;
    /** The payments the story made, by the environment they belong to, and what it paid in each. */
    private final Map<String, List<String>> paid = new LinkedHashMap<>();

    private final Map<String, BigDecimal> amounts = new LinkedHashMap<>();

    private final Map<String, BigDecimal> opening = new LinkedHashMap<>();
    private boolean allHeld = true;
    /** The broker's own index, asked which topics hold a txNo: open while the story runs. */
    private MessagesByKey broker;

    EnvironmentsStory(Workspace workspace, EnvironmentsStack stack, Narrator say) {
        this.workspace = workspace;
        this.stack = stack;
        this.say = say;
        this.db = new Databases(stack);
        this.books = new EnvironmentBooks(db, say);
        this.http = new Http(stack.serviceToken());
        EnvironmentsStack.ENVIRONMENTS.forEach(env -> {
            paid.put(env, new ArrayList<>());
            amounts.put(env, BigDecimal.ZERO);
        });
    }

    boolean run() {
        List<Runnable> steps = List.of(this::twoLogins, this::routedApart, this::keptBack, this::audit);
        Map<Integer, Long> times = new LinkedHashMap<>();
        long started = System.nanoTime();
        try (MessagesByKey witness = new MessagesByKey(stack.namesrvAddr())) {
            broker = witness;
            for (int i = 0; i < steps.size(); i++) {
                long t0 = System.nanoTime();
                say.heading(i + 1, TITLES.get(i));
                try {
                    steps.get(i).run();
                } catch (RuntimeException e) {
                    check(false, "story.stepFailed", e.getMessage());
                }
                times.put(i + 1, (System.nanoTime() - t0) / 1_000_000);
            }
        }
        say.summary(times, allHeld, (System.nanoTime() - started) / 1_000_000);
        return allHeld;
    }

    private void twoLogins() {
        say.explain("environments.logins.explain", EnvironmentsStack.ROUTES);
        for (String env : EnvironmentsStack.ENVIRONMENTS) {
            long connections = db.scalar(
                    "bank1_pay",
                    "SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE USER = ?",
                    Long.class,
                    "dtx_pay_" + env);
            say.db("information_schema.PROCESSLIST  " + say.words().text("environments.processlist", env, connections));
            check(connections > 0, "environments.connected", env);
            opening.put(env, books.balance(env));
        }
        Reply status = get(workspace.relayUrl(), "/relay/status");
        check(status.status() == 200 && "reading".equals(status.field("state")), "environments.relayReading");
    }

    private void routedApart() {
        say.explain("environments.routed.explain");
        List<String> recharges = List.of("10.00", "20.00", "30.00", "40.00", "50.00");
        for (int i = 0; i < recharges.size(); i++) {
            String env = i < 3 ? "dev" : "staging";
            Reply reply = post(stack.payUrl(env), "/pay/recharges", rechargeJson(recharges.get(i)));
            check(reply.status() == 201, "environments.taken", env);
            paid.get(env).add(reply.field("txNo"));
            amounts.merge(env, new BigDecimal(recharges.get(i)), BigDecimal::add);
        }
        boolean arrived = Waits.eventually(
                CREDIT_TIMEOUT,
                () -> paid.entrySet().stream()
                        .allMatch(e -> e.getValue().stream().allMatch(txNo -> books.credits(e.getKey(), txNo) == 1)));
        check(arrived, "environments.creditedOwn");
        // A crossed message would be credited in the other environment too: give it time to show.
        boolean noneCrossed = Waits.stays(Duration.ofSeconds(2), () -> books.crossed(paid) == 0);
        books.show(paid);
        check(noneCrossed, "environments.noneCrossed");
        boolean ownTopics = paid.entrySet().stream()
                .allMatch(e -> e.getValue().stream()
                        .allMatch(txNo -> topicsHolding(txNo)
                                .equals(List.of(Messaging.inEnvironment(Messaging.RECHARGE_TOPIC, e.getKey())))));
        check(ownTopics, "environments.ownTopics");
    }

    private void keptBack() {
        say.explain("environments.keptBack.explain");
        String txNo = UUID.randomUUID().toString();
        check(writtenByHand(txNo), "environments.keptInExceptions");
        get(workspace.relayUrl(), "/relay/exceptions");
        check(
                Waits.stays(Duration.ofSeconds(3), () -> books.totalCredits(txNo) == 0)
                        && topicsHolding(txNo).isEmpty(),
                "environments.notPublished");
        say.explain("environments.operator.explain");
        Reply anyService =
                post(workspace.relayUrl(), "/relay/exceptions/" + txNo + "/route", "{\"environment\":\"staging\"}");
        check(anyService.status() == 401, "environments.serviceTokenRefused");
        Reply refused = route(txNo, "prod");
        check(refused.status() == 400, "environments.unknownRefused");
        Reply routed = route(txNo, "staging");
        check(routed.status() == 202, "environments.routedToStaging");
        paid.get("staging").add(txNo);
        amounts.merge("staging", new BigDecimal("7.00"), BigDecimal::add);
        boolean credited = Waits.eventually(CREDIT_TIMEOUT, () -> books.credits("staging", txNo) == 1);
        check(credited && books.credits("dev", txNo) == 0, "environments.creditedInStaging");
        check(
                topicsHolding(txNo).equals(List.of(Messaging.inEnvironment(Messaging.RECHARGE_TOPIC, "staging"))),
                "environments.stagingTopicOnly");
    }

    /**
     * The payment, committed on a connection that stays open until the relay has looked it up: the
     * relay then knows the user and finds no route (a thread gone before its lookup is kept too,
     * for another reason, which RelayRoutingIntegrationTests shows).
     */
    private boolean writtenByHand(String txNo) {
        try (Connection admin = db.connect("bank1_pay");
                PreparedStatement insert = admin.prepareStatement(INSERT_PAYMENT)) {
            insert.setString(1, txNo);
            insert.setString(2, ZHANG_SAN);
            insert.setBigDecimal(3, new BigDecimal("7.00"));
            insert.executeUpdate();
            String asUser = say.words().text("environments.asUser", stack.mysqlUser());
            say.db("INSERT INTO bank1_pay.account_pay ... " + shortTx(txNo) + " 7.00 success  " + asUser);
            return Waits.eventually(
                    CREDIT_TIMEOUT,
                    () -> http.get(workspace.relayUrl() + "/relay/exceptions")
                            .body()
                            .contains(txNo));
        } catch (SQLException e) {
            throw new IllegalStateException(say.words().text("environments.couldNotWrite", e.getMessage()), e);
        }
    }

    private void audit() {
        books.show(paid);
        for (String env : EnvironmentsStack.ENVIRONMENTS) {
            BigDecimal moved = books.balance(env).subtract(opening.get(env));
            check(moved.compareTo(amounts.get(env)) == 0, "environments.audit.moved", env, moved, amounts.get(env));
        }
        check(books.crossed(paid) == 0, "environments.audit.noneCrossed");
        double unroutable = http.metric(workspace.relayManagementUrl(), "dtx_relay_unroutable_total");
        check(unroutable == 1, "environments.audit.unroutable");
    }

    /** The recharge topics (plain, dev's, staging's) on which the broker holds a message for the payment. */
    private List<String> topicsHolding(String txNo) {
        List<String> topics = new ArrayList<>();
        topics.add(Messaging.RECHARGE_TOPIC);
        EnvironmentsStack.ENVIRONMENTS.forEach(
                env -> topics.add(Messaging.inEnvironment(Messaging.RECHARGE_TOPIC, env)));
        return topics.stream().filter(topic -> broker.count(topic, txNo) > 0).toList();
    }

    private static String rechargeJson(String amount) {
        return "{\"accountNo\":\"" + ZHANG_SAN + "\",\"amount\":\"" + amount + "\"}";
    }

    /** A person's routing of a kept payment, with the operator's token. */
    private Reply route(String txNo, String environment) {
        String url = workspace.relayUrl() + "/relay/exceptions/" + txNo + "/route";
        String body = "{\"environment\":\"" + environment + "\"}";
        String token = say.words().text("environments.operatorToken");
        say.request("POST " + url + "  Dtx-Operator-Token: " + token + "  " + body);
        Reply reply = http.postWithHeaders(url, body, Map.of("Dtx-Operator-Token", stack.operatorToken()));
        say.response(reply.status(), reply.body());
        return reply;
    }

    private Reply post(String baseUrl, String path, String body) {
        say.request("POST " + baseUrl + path + "  " + body);
        Reply reply = http.post(baseUrl + path, body, null);
        say.response(reply.status(), reply.body());
        return reply;
    }

    private Reply get(String baseUrl, String path) {
        say.request("GET " + baseUrl + path);
        Reply reply = http.get(baseUrl + path);
        say.response(reply.status(), reply.body());
        return reply;
    }

    /** Prints the check {@code key} (in the story's words) as held or not, and remembers a failure. */
    private void check(boolean held, String key, Object... values) {
        allHeld &= held;
        say.check(held, say.words().text(key, values));
    }
}
