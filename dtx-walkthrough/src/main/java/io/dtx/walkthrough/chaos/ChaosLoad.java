package io.dtx.walkthrough.chaos;

import io.dtx.walkthrough.probe.Reply;
import io.dtx.walkthrough.probe.Waits;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The customers of the campaign: recharges spread over many accounts plus one hot account, sent
 * by a fixed number of concurrent clients. Each client behaves as a careful real one: it retries
 * a recharge that timed out, could not connect or got 503, always with the same Idempotency-Key,
 * so a retry can never pay twice; it gives up only after {@link #GIVE_UP_AFTER}. Writing the queue
 * first, a client polls its request until PAID or REJECTED, and submits it again (same key) if it
 * stays ACCEPTED for {@link #DECISION_WAIT}: a request lost with a broker's disk is not paid.
 */
final class ChaosLoad {

    static final String HOT_ACCOUNT = "1";
    static final Duration GIVE_UP_AFTER = Duration.ofSeconds(120);
    static final Duration DECISION_WAIT = Duration.ofSeconds(30);
    private static final Pattern TX_NO = Pattern.compile("\"txNo\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern REQUEST_ID = Pattern.compile("\"requestId\"\\s*:\\s*\"([^\"]+)\"");

    /** A recharge the pay service acknowledged with 2xx: it must exist and be credited once. */
    record Paid(String txNo, String accountNo, BigDecimal amount) {}

    /** One planned recharge: who, how much, and the key all its attempts carry. */
    record Planned(String idempotencyKey, String accountNo, BigDecimal amount) {}

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    /** Every pay instance; a recharge's attempts go round them, as a load balancer would send them. */
    private final List<String> payUrls;

    private final boolean queueFirst;

    private final List<Planned> plan;
    private final int concurrency;
    private final Duration spreadOver;

    final List<Paid> paid = Collections.synchronizedList(new ArrayList<>());
    final Map<String, Integer> statuses = new ConcurrentHashMap<>();
    final LongAdder attempts = new LongAdder();
    final LongAdder retries = new LongAdder();
    final List<String> gaveUp = Collections.synchronizedList(new ArrayList<>());
    final List<String> refused = Collections.synchronizedList(new ArrayList<>());
    /** txNos of 503 "Payment not taken" replies: each must really not exist as a payment. */
    final List<String> toldNotTaken = Collections.synchronizedList(new ArrayList<>());

    private final AtomicInteger next = new AtomicInteger();

    ChaosLoad(List<String> payUrls, boolean queueFirst, List<Planned> plan, int concurrency, Duration spreadOver) {
        this.payUrls = List.copyOf(payUrls);
        this.queueFirst = queueFirst;
        this.plan = plan;
        this.concurrency = concurrency;
        this.spreadOver = spreadOver;
    }

    /** The recharges of a campaign, from its seed: the same seed plans the same recharges. */
    static List<Planned> plan(long seed, int recharges, List<String> accounts, double hotShare) {
        Random random = new Random(seed);
        List<Planned> plan = new ArrayList<>(recharges);
        for (int i = 0; i < recharges; i++) {
            String account =
                    random.nextDouble() < hotShare ? HOT_ACCOUNT : accounts.get(random.nextInt(accounts.size()));
            BigDecimal amount = BigDecimal.valueOf(1 + random.nextInt(99_999), 2); // 0.01 .. 999.99
            plan.add(new Planned("chaos-" + seed + "-" + i, account, amount));
        }
        return plan;
    }

    /** Runs every planned recharge, paced over {@code spreadOver}; returns when all are settled. */
    void run() throws InterruptedException {
        long start = System.nanoTime();
        long nanosPerRecharge = spreadOver.toNanos() / Math.max(1, plan.size());
        ExecutorService clients = Executors.newFixedThreadPool(concurrency);
        for (int c = 0; c < concurrency; c++) {
            clients.submit(() -> {
                for (int i = next.getAndIncrement(); i < plan.size(); i = next.getAndIncrement()) {
                    long due = start + i * nanosPerRecharge;
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                        Waits.sleep(wait / 1_000_000);
                    }
                    settle(plan.get(i));
                }
            });
        }
        clients.shutdown();
        clients.awaitTermination(1, TimeUnit.DAYS);
    }

    /** One more recharge outside the plan, by a fault (to an account it chose); settled like any other. */
    void payExtra(String accountNo, BigDecimal amount) {
        settle(new Planned("chaos-extra-" + UUID.randomUUID(), accountNo, amount));
    }

    int done() {
        return Math.min(next.get(), plan.size());
    }

    private void settle(Planned recharge) {
        long deadline = System.nanoTime() + GIVE_UP_AFTER.toNanos();
        long backoff = 100;
        int instance = Math.floorMod(recharge.idempotencyKey().hashCode(), payUrls.size());
        while (System.nanoTime() < deadline) {
            attempts.increment();
            // The next attempt goes to the next instance: a dead one is not asked twice in a row.
            Reply reply = attempt(recharge, payUrls.get(instance++ % payUrls.size()));
            if (reply == null) {
                return; // interrupted: the campaign is being stopped
            }
            statuses.merge(reply.status() < 0 ? "no_reply" : Integer.toString(reply.status()), 1, Integer::sum);
            if (settled(recharge, reply)) {
                return;
            }
            retries.increment();
            Waits.sleep(backoff);
            backoff = Math.min(2_000, backoff * 2);
        }
        gaveUp.add(recharge.idempotencyKey());
    }

    /**
     * Polls a queue-first request until it is decided: its status as a reply, {@code 200} with the
     * txNo when PAID, {@code 422} with the reason when REJECTED, {@code 202} if still undecided.
     */
    private Reply awaitDecision(String requestId) {
        long deadline = System.nanoTime() + DECISION_WAIT.toNanos();
        for (int poll = 0; System.nanoTime() < deadline; poll++) {
            Waits.sleep(200);
            String url = payUrls.get(poll % payUrls.size()) + "/pay/recharge-requests/" + requestId;
            try {
                HttpResponse<String> status = http.send(
                        HttpRequest.newBuilder(URI.create(url))
                                .timeout(Duration.ofSeconds(5))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (status.body().contains("\"PAID\"")) {
                    return new Reply(200, status.body());
                }
                if (status.body().contains("\"REJECTED\"")) {
                    return new Reply(422, status.body());
                }
            } catch (IOException e) {
                // that instance is down: ask the other one next
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return new Reply(202, "");
    }

    /** One attempt; status -1 if no reply came, null if the thread was interrupted. */
    private Reply attempt(Planned recharge, String payUrl) {
        String body = "{\"accountNo\":\"" + recharge.accountNo() + "\",\"amount\":\""
                + recharge.amount().toPlainString() + "\"}";
        try {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(
                                    URI.create(payUrl + (queueFirst ? "/pay/recharge-requests" : "/pay/recharges")))
                            .timeout(Duration.ofSeconds(10))
                            .header("Content-Type", "application/json")
                            .header("Idempotency-Key", recharge.idempotencyKey())
                            .POST(HttpRequest.BodyPublishers.ofString(body))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.body());
        } catch (IOException e) {
            return new Reply(-1, ""); // refused, reset or timed out: the service may or may not have taken it
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** True if the reply ends the recharge, paid (2xx) or refused (4xx); false if a retry may still pay it. */
    private boolean settled(Planned recharge, Reply reply) {
        if (queueFirst && reply.status() == 202) {
            Matcher requestId = REQUEST_ID.matcher(reply.body());
            reply = requestId.find() ? awaitDecision(requestId.group(1)) : reply;
            if (reply.status() == 202) {
                return false; // still ACCEPTED (or unknown): submit again under the same key
            }
        }
        int status = reply.status();
        if (status >= 200 && status < 300) {
            Matcher txNo = TX_NO.matcher(reply.body());
            if (txNo.find()) {
                paid.add(new Paid(txNo.group(1), recharge.accountNo(), recharge.amount()));
            } else {
                refused.add(recharge.idempotencyKey() + ": 2xx without txNo: " + reply.body());
            }
            return true;
        }
        if (status == 503 && reply.body().contains("Payment not taken")) {
            Matcher txNo = TX_NO.matcher(reply.body());
            if (txNo.find()) {
                toldNotTaken.add(txNo.group(1)); // a retry comes next; this one must stay untaken
            }
        }
        if (status >= 400 && status < 500) {
            refused.add(recharge.idempotencyKey() + ": " + status + " " + reply.body());
            return true;
        }
        return false;
    }
}
