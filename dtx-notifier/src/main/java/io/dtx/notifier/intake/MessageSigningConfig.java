package io.dtx.notifier.intake;

import io.dtx.contract.MessageSigning;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The pay side's message keys, to verify with (the notifier signs no message); no key, no start. */
@Configuration(proxyBeanMethods = false)
class MessageSigningConfig {

    @Bean
    MessageSigning messageSigning(@Value("${dtx.messaging.keys:}") String keys) {
        return MessageSigning.forVerifying(keys);
    }
}
