package io.dtx.relay.web;

import io.dtx.web.ServiceTokenFilter.InternalPath;
import io.dtx.web.WebGuards;
import io.dtx.web.WebGuards.InternalPaths;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;

/**
 * Everything the relay serves is for a person or another service: all of it behind the service
 * token, and routing a kept payment by hand behind the operator's token too.
 */
@Configuration(proxyBeanMethods = false)
@Import(WebGuards.class)
class WebFilters {

    @Bean
    InternalPaths internalPaths() {
        return new InternalPaths(List.of(InternalPath.everyMethod("/relay/**")));
    }

    /** After the service token (see WebGuards): routing a kept payment by hand also takes the operator's. */
    @Bean
    FilterRegistrationBean<OperatorTokenFilter> operatorToken(@Value("${dtx.relay.operator-token:}") String token) {
        FilterRegistrationBean<OperatorTokenFilter> registration =
                new FilterRegistrationBean<>(new OperatorTokenFilter(token));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 25);
        return registration;
    }
}
