package io.dtx.walkthrough.demo;

import io.dtx.walkthrough.probe.Databases;
import io.dtx.walkthrough.probe.Http;
import io.dtx.walkthrough.probe.Reply;
import io.dtx.walkthrough.stack.LocalStack;
import io.dtx.walkthrough.stack.Workspace;
import java.math.BigDecimal;

/** The story's hands: HTTP calls to the two services, each shown as it is made, and SQL on the two databases. */
final class Bank {

    private final Workspace workspace;
    private final Http http;
    private final Databases db;
    private final Narrator say;

    Bank(Workspace workspace, LocalStack stack, Databases db, Narrator say) {
        this.workspace = workspace;
        this.http = new Http(stack.serviceToken()); // the story also plays the operator
        this.db = db;
        this.say = say;
    }

    Reply recharge(String accountNo, String amount, String idempotencyKey) {
        String body = "{\"accountNo\":\"" + accountNo + "\",\"amount\":\"" + amount + "\"}";
        return post(workspace.payUrl(), "/pay/recharges", body, idempotencyKey);
    }

    Reply post(String baseUrl, String path, String body, String idempotencyKey) {
        say.request("POST " + path + (idempotencyKey == null ? "" : "  Idempotency-Key: " + idempotencyKey)
                + (body.isEmpty() ? "" : "  " + body));
        Reply reply = http.post(baseUrl + path, body, idempotencyKey);
        say.response(reply.status(), reply.body());
        return reply;
    }

    Reply get(String baseUrl, String path) {
        say.request("GET " + path);
        Reply reply = http.get(baseUrl + path);
        say.response(reply.status(), reply.body());
        return reply;
    }

    /** A counter from a service's Prometheus page, not shown: the story shows what it means instead. */
    double metric(String baseUrl, String series) {
        return http.metric(baseUrl, series);
    }

    BigDecimal balance(String accountNo) {
        return db.scalar(
                "bank1", "SELECT account_balance FROM account_info WHERE account_no = ?", BigDecimal.class, accountNo);
    }

    long credits(String txNo) {
        return db.scalar("bank1", "SELECT COUNT(*) FROM de_duplication WHERE tx_no = ?", Long.class, txNo);
    }
}
