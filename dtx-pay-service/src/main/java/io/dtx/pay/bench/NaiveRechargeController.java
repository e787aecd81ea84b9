package io.dtx.pay.bench;

import io.dtx.contract.Messaging;
import io.dtx.contract.RechargeSucceeded;
import io.dtx.pay.recharge.RechargeRequest;
import jakarta.validation.Valid;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.apache.rocketmq.spring.core.RocketMQTemplate;
import org.apache.rocketmq.spring.support.RocketMQHeaders;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/**
 * The benchmark's baseline, off unless {@code dtx.pay.bench.naive-endpoint=true}: the original
 * demo's design, a plain message sent after the payment committed. A crash between the two loses
 * the message, which is exactly what the real path prevents; this endpoint exists only so the
 * cost of that prevention can be measured side by side. Never enable it outside a benchmark.
 */
@RestController
@ConditionalOnProperty(name = "dtx.pay.bench.naive-endpoint", havingValue = "true")
class NaiveRechargeController {

    private static final String DESTINATION = Messaging.RECHARGE_TOPIC + ":" + Messaging.RECHARGE_SUCCEEDED_TAG;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final RocketMQTemplate rocketMq;
    private final JsonMapper json;

    NaiveRechargeController(JdbcTemplate jdbc, TransactionTemplate transactions, RocketMQTemplate rocketMq, JsonMapper json) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.rocketMq = rocketMq;
        this.json = json;
    }

    @PostMapping("/bench/naive-recharges")
    ResponseEntity<Map<String, String>> recharge(@Valid @RequestBody RechargeRequest request) {
        String txNo = UUID.randomUUID().toString();
        var amount = request.amount().setScale(2, RoundingMode.UNNECESSARY);
        transactions.executeWithoutResult(status -> jdbc.update(
                "INSERT INTO account_pay (id, account_no, pay_amount, result) VALUES (?, ?, ?, 'success')", txNo, request.accountNo(), amount));
        byte[] body = json.writeValueAsBytes(new RechargeSucceeded(txNo, request.accountNo(), amount, Instant.now()));
        rocketMq.syncSend(DESTINATION, MessageBuilder.withPayload(body).setHeader(RocketMQHeaders.KEYS, txNo).build());
        return ResponseEntity.status(201).body(Map.of("txNo", txNo));
    }
}
