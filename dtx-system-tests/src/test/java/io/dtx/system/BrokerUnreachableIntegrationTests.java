package io.dtx.system;

import static io.dtx.system.Http.rechargeJson;
import static org.assertj.core.api.Assertions.assertThat;

import io.dtx.pay.PayServiceApplication;
import java.net.ServerSocket;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** A pay service whose broker cannot be reached refuses the payment and writes nothing. */
class BrokerUnreachableIntegrationTests {

    @Test
    void rechargeIsRefusedWith503AndNoPaymentRowExists() throws Exception {
        DtxStack stack = DtxStack.get();
        int deadPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            deadPort = socket.getLocalPort(); // free now, and nothing listens there once closed
        }
        String accountNo = stack.db.newAccount("nobroker-");
        try (ConfigurableApplicationContext pay = new SpringApplicationBuilder(PayServiceApplication.class)
                .run(DtxStack.serviceArgs(
                        stack.infra,
                        "dtx-pay-service",
                        "bank1_pay",
                        Map.of(
                                "rocketmq.name-server", "127.0.0.1:" + deadPort,
                                "rocketmq.producer.group", "it-nobroker-" + deadPort,
                                "rocketmq.producer.send-message-timeout", 2000)))) {
            Http http = new Http("http://127.0.0.1:"
                    + ((WebServerApplicationContext) pay).getWebServer().getPort());

            Http.Response refused = http.post("/pay/recharges", rechargeJson(accountNo, "20.00"));

            assertThat(refused.status()).isEqualTo(503);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.json().get("title").asString()).isEqualTo("Message broker unavailable");
            assertThat(stack.db.scalar(
                            "bank1_pay",
                            "SELECT COUNT(*) FROM account_pay WHERE account_no = ?",
                            Long.class,
                            accountNo))
                    .isZero();
        }
    }
}
