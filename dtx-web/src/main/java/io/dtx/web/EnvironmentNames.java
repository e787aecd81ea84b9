package io.dtx.web;

import io.dtx.contract.Messaging;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Derives every topic and consumer group name a service uses from its one {@code DTX_ENV}
 * (deployment environments sharing a broker: {@code dtx-recharge-dev}, {@code dtx-account-consumer-dev},
 * ...), so listeners name them as placeholders, e.g. {@code ${dtx.messaging.recharge-topic}}, and two
 * environments need no code change, only configuration. No {@code DTX_ENV}: the plain names.
 */
public class EnvironmentNames implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String env = environment.getProperty("DTX_ENV", "").strip();
        Map<String, Object> names = Map.of(
                "dtx.env",
                env,
                "dtx.messaging.recharge-topic",
                Messaging.inEnvironment(Messaging.RECHARGE_TOPIC, env),
                "dtx.messaging.account-consumer-group",
                Messaging.inEnvironment(Messaging.ACCOUNT_CONSUMER_GROUP, env),
                "dtx.messaging.notifier-consumer-group",
                Messaging.inEnvironment(Messaging.NOTIFIER_CONSUMER_GROUP, env));
        environment.getPropertySources().addLast(new MapPropertySource("dtxEnvironmentNames", names));
    }
}
