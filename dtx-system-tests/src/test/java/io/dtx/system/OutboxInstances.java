package io.dtx.system;

import io.dtx.account.AccountServiceApplication;
import io.dtx.pay.PayServiceApplication;
import io.dtx.pay.outbox.OutboxSendHook;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** Pay services that publish through the local message table, and what the outbox tests read from them. */
final class OutboxInstances {

    private OutboxInstances() {}

    /** A pay service with publisher outbox on the shared database; the relay quick, overrides win. */
    static ConfigurableApplicationContext pay(DtxStack stack, String namesrvAddr, Map<String, ?> overrides) {
        return pay(stack, namesrvAddr, overrides, txNo -> {});
    }

    /** The same, with a hook between each send and its 'finish' (to crash there). */
    static ConfigurableApplicationContext pay(
            DtxStack stack, String namesrvAddr, Map<String, ?> overrides, OutboxSendHook afterSend) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("dtx.pay.publisher", "outbox");
        p.put("rocketmq.name-server", namesrvAddr);
        // One producer group per instance: a JVM refuses a second producer of the same group.
        p.put("rocketmq.producer.group", "it-outbox-" + UUID.randomUUID());
        p.put("rocketmq.producer.send-message-timeout", 1000);
        p.put("dtx.pay.outbox.interval", "PT0.2S");
        p.put("dtx.pay.outbox.grace", "PT1S");
        p.put("dtx.pay.outbox.first-delay", "PT0.2S");
        p.put("dtx.pay.outbox.max-delay", "PT1S");
        p.put("dtx.pay.outbox.sends", 100);
        // The stack's own pay service pays the queue-first requests; these instances stay out of it.
        p.put("dtx.pay.requests.enabled", false);
        p.putAll(overrides);
        return new SpringApplicationBuilder(PayServiceApplication.class)
                .initializers(context -> context.getBeanFactory().registerSingleton("crashAfterSend", afterSend))
                .run(DtxStack.serviceArgs(stack.infra, "dtx-pay-service", "bank1_pay", p));
    }

    /** An account service consuming from another broker than the shared stack's, on the shared database. */
    static ConfigurableApplicationContext account(DtxStack stack, String namesrvAddr) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("rocketmq.name-server", namesrvAddr);
        p.put("dtx.account.rocketmq-client-interval-ms", 1000);
        p.put("dtx.account.reconcile.enabled", false);
        p.put("dtx.account.sweep.enabled", false);
        p.put("spring.cloud.discovery.client.simple.instances.dtx-pay-service[0].uri", stack.payHttp.baseUrl());
        return new SpringApplicationBuilder(AccountServiceApplication.class)
                .run(DtxStack.serviceArgs(stack.infra, "dtx-account-service", "bank1", p));
    }

    static Http http(ConfigurableApplicationContext context) {
        return new Http(
                "http://127.0.0.1:"
                        + ((WebServerApplicationContext) context).getWebServer().getPort(),
                DtxStack.SERVICE_TOKEN);
    }

    /** Sends the broker acknowledged, by who sent them: "relay" or "immediate" (right after commit). */
    static double sends(ConfigurableApplicationContext pay, String by) {
        Counter counter = pay.getBean(MeterRegistry.class)
                .find("dtx.pay.outbox.sends")
                .tag("by", by)
                .counter();
        return counter == null ? 0 : counter.count();
    }

    static String status(DtxStack stack, String txNo) {
        return stack.db.scalar("bank1_pay", "SELECT status FROM mq_notify WHERE tx_no = ?", String.class, txNo);
    }

    /** A free port P with P - 2 free as well (the broker's second channel listens there). */
    static int freeBrokerPort() throws IOException {
        for (int attempt = 0; attempt < 50; attempt++) {
            int port = freePort();
            if (port > 1026 && isFree(port - 2)) {
                return port;
            }
        }
        throw new IllegalStateException("no free pair of ports");
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket(port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
