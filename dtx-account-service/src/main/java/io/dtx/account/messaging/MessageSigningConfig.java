package io.dtx.account.messaging;

import io.dtx.contract.MessageSigning;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The keys a message's signature may verify with; the service refuses to start without one. */
@Configuration(proxyBeanMethods = false)
class MessageSigningConfig {

    @Bean
    MessageSigning messageSigning(@Value("${dtx.messaging.keys:}") String keys) {
        return MessageSigning.forVerifying(keys);
    }
}
