package io.dtx.relay.publish;

import io.dtx.contract.MessageSigning;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The relay speaks for the pay service, so it signs with the pay side's message keys; the account
 * side credits nothing else. No key, no start.
 */
@Configuration(proxyBeanMethods = false)
class SigningConfig {

    @Bean
    MessageSigning messageSigning(
            @Value("${dtx.messaging.keys:}") String keys, @Value("${dtx.messaging.key-id:}") String keyId) {
        return MessageSigning.forSigning(keys, keyId);
    }
}
