package io.dtx.pay.lab;

import io.dtx.pay.halfmessage.RechargeMessageCodec;
import io.dtx.pay.payment.PaymentCommand;
import io.dtx.pay.payment.PaymentLedger;
import io.dtx.pay.recharge.RechargeRequest;
import jakarta.validation.Valid;
import java.util.Map;
import java.util.UUID;
import org.apache.rocketmq.spring.core.RocketMQTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Profile;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The benchmark's baseline, on only with the {@code lab} profile and
 * {@code dtx.lab.naive-endpoint=true}: the original demo's design, a plain message sent after the
 * payment committed. A crash between the two loses the message, which is exactly what the half
 * message prevents; this endpoint exists only so the cost of that prevention can be measured side
 * by side. It writes through the same {@link PaymentLedger} and sends the same message, so the
 * only difference measured is the transactional send. Never enable it outside a benchmark.
 */
@RestController
@Profile("lab")
@ConditionalOnProperty(name = "dtx.lab.naive-endpoint", havingValue = "true")
class NaiveRechargeController {

    private static final Logger log = LoggerFactory.getLogger(NaiveRechargeController.class);

    private final PaymentLedger ledger;
    private final RocketMQTemplate rocketMq;
    private final RechargeMessageCodec codec;

    NaiveRechargeController(PaymentLedger ledger, RocketMQTemplate rocketMq, RechargeMessageCodec codec) {
        this.ledger = ledger;
        this.rocketMq = rocketMq;
        this.codec = codec;
        log.warn("LAB: the naive send-after-commit endpoint /lab/naive-recharges is on");
    }

    @PostMapping("/lab/naive-recharges")
    ResponseEntity<Map<String, String>> recharge(@Valid @RequestBody RechargeRequest request) {
        String txNo = UUID.randomUUID().toString();
        PaymentCommand command = new PaymentCommand(txNo, request.accountNo(), request.exactAmount(), null, null);
        ledger.recordSucceeded(command);
        rocketMq.syncSend(codec.destination(), codec.toMessage(command.announcement()));
        return ResponseEntity.status(201).body(Map.of("txNo", txNo));
    }
}
