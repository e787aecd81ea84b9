package io.dtx.account.callback;

import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Scheme 2 on: {@code dtx.account.callbacks.enabled=true}. Without a secret the service refuses to
 * start rather than take callbacks it cannot check.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "dtx.account.callbacks.enabled", havingValue = "true")
class CallbackConfig {

    @Bean
    CallbackVerifier callbackVerifier(@Value("${dtx.account.callbacks.secrets:}") String secrets) {
        return CallbackVerifier.of(secrets);
    }

    @Bean
    ReplayCleanup replayCleanup(CallbackReplays replays) {
        return new ReplayCleanup(replays);
    }

    /** Twice the five minutes a signature is valid: what is older can never be replayed successfully. */
    static final class ReplayCleanup {

        private final CallbackReplays replays;

        ReplayCleanup(CallbackReplays replays) {
            this.replays = replays;
        }

        @Scheduled(initialDelayString = "PT1M", fixedDelayString = "PT1M")
        void forgetOldCalls() {
            while (replays.forgetOlderThan(Duration.ofMinutes(10)) == 1000) {
                // a full batch: more may be old
            }
        }
    }
}
