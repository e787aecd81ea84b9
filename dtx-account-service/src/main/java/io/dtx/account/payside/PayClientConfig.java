package io.dtx.account.payside;

import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.cloud.client.loadbalancer.LoadBalanced;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

@Configuration(proxyBeanMethods = false)
class PayClientConfig {

    /** Resolves {@code http://dtx-pay-service} through Spring Cloud LoadBalancer and discovery. */
    @Bean
    @LoadBalanced
    RestClient.Builder loadBalancedRestClientBuilder() {
        return RestClient.builder();
    }

    @Bean
    RestClient payServiceRestClient(
            @LoadBalanced RestClient.Builder builder,
            @Value("${dtx.account.pay-service.base-url:http://dtx-pay-service}") String baseUrl,
            @Value("${dtx.account.pay-service.timeout:PT3S}") Duration timeout,
            @Value("${dtx.security.service-token:}") String serviceToken) {
        SimpleClientHttpRequestFactory requests = new SimpleClientHttpRequestFactory();
        // A hung pay service must not hold a pull or the reconciliation job forever.
        requests.setConnectTimeout(timeout);
        requests.setReadTimeout(timeout);
        // The query interface and the feed are internal endpoints of the pay service.
        return builder.clone()
                .baseUrl(baseUrl)
                .requestFactory(requests)
                .defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + serviceToken.strip())
                .build();
    }
}
