package io.dtx.testsupport;

import static io.dtx.testsupport.RocketMqClients.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.common.message.Message;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

/**
 * The Docker path of the test infrastructure on its own: MySQL 8.4 and the official RocketMQ
 * image reachable from the host. Runs only where a Docker engine answers; elsewhere JUnit reports
 * it as skipped.
 */
@EnabledIf(
        value = "io.dtx.testsupport.SharedInfrastructure#dockerAvailable",
        disabledReason = "no Docker engine: the container path cannot run here")
class ContainerInfrastructureIntegrationTests {

    private static ContainerInfrastructure containers;

    @BeforeAll
    static void startContainers() {
        containers = new ContainerInfrastructure();
    }

    @AfterAll
    static void stopContainers() {
        if (containers != null) {
            containers.close();
        }
    }

    @Test
    void schemasLoadOnMysql8() throws Exception {
        try (Connection c = DriverManager.getConnection(
                        containers.mysql().jdbcUrl("bank1"),
                        containers.mysql().user(),
                        containers.mysql().password());
                ResultSet rs = c.createStatement()
                        .executeQuery("SELECT account_balance FROM account_info WHERE account_no = '1'")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getBigDecimal(1)).isEqualByComparingTo("10000.00");
        }
    }

    @Test
    void brokerInTheContainerIsReachableFromTheHost() throws Exception {
        String topic = unique("it-container");
        containers.declare(List.of(topic), List.of());
        Queue<String> received = new ConcurrentLinkedQueue<>();
        DefaultMQPushConsumer consumer = RocketMqClients.consumer(containers, unique("it-container-consumer"), topic);
        consumer.registerMessageListener((MessageListenerConcurrently) (messages, context) -> {
            messages.forEach(m -> received.add(m.getKeys()));
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        consumer.start();
        DefaultMQProducer producer = new DefaultMQProducer(unique("it-container-producer"));
        producer.setNamesrvAddr(containers.namesrvAddr());
        producer.start();
        try {
            producer.send(new Message(topic, "test", "hello", "x".getBytes(StandardCharsets.UTF_8)));
            await().atMost(Duration.ofSeconds(60)).until(() -> received.contains("hello"));
        } finally {
            producer.shutdown();
            consumer.shutdown();
        }
    }
}
