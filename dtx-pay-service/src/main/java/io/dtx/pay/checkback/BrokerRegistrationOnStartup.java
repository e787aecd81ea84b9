package io.dtx.pay.checkback;

import io.dtx.contract.Messaging;
import java.time.Duration;
import org.apache.rocketmq.client.impl.factory.MQClientInstance;
import org.apache.rocketmq.spring.core.RocketMQTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Registers a freshly started pay service with the brokers at once, so that the broker's
 * check-back can reach it before its first payment.
 *
 * <p>The trap, found by the walkthrough's crash step: a RocketMQ producer only learns of brokers,
 * and heartbeats to them, once it has fetched the route of a topic it publishes to, which normally
 * happens at its first send. A pay service restarted after a crash, with no new payments coming
 * in, is therefore unknown to the broker: every check-back fails ("channel table is empty") and
 * after {@code transactionCheckMax} checks the broker drops the half message. Fetching the
 * recharge topic's route and heartbeating at start-up closes that window.
 */
@Component
class BrokerRegistrationOnStartup {

    private static final Logger log = LoggerFactory.getLogger(BrokerRegistrationOnStartup.class);
    private static final Duration RETRY = Duration.ofSeconds(2);

    private final RocketMQTemplate rocketMq;

    BrokerRegistrationOnStartup(RocketMQTemplate rocketMq) {
        this.rocketMq = rocketMq;
    }

    @EventListener(ApplicationReadyEvent.class)
    void registerWithBrokers() {
        Thread registration = new Thread(
                () -> {
                    // Retries until the name server answers: a broker that is down at start-up comes back.
                    while (!tryRegister()) {
                        try {
                            Thread.sleep(RETRY.toMillis());
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                },
                "checkback-registration");
        registration.setDaemon(true);
        registration.start();
    }

    private boolean tryRegister() {
        try {
            MQClientInstance client =
                    rocketMq.getProducer().getDefaultMQProducerImpl().getMqClientFactory();
            if (client.updateTopicRouteInfoFromNameServer(Messaging.RECHARGE_TOPIC)
                    && client.sendHeartbeatToAllBrokerWithLock()) {
                log.info(
                        "Producer group {} registered with the brokers: ready for check-backs",
                        rocketMq.getProducer().getProducerGroup());
                return true;
            }
        } catch (RuntimeException e) {
            log.debug("Brokers not reachable yet: {}", e.getMessage());
        }
        return false;
    }
}
