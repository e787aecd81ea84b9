package io.dtx.pay.halfmessage;

import io.dtx.contract.MessageSigning;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The key every published message is signed with; the service refuses to start without one. */
@Configuration(proxyBeanMethods = false)
class MessageSigningConfig {

    @Bean
    MessageSigning messageSigning(
            @Value("${dtx.messaging.keys:}") String keys, @Value("${dtx.messaging.key-id:}") String keyId) {
        return MessageSigning.forSigning(keys, keyId);
    }
}
