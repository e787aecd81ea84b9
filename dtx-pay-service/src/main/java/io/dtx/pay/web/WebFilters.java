package io.dtx.pay.web;

import io.dtx.web.NoPathParametersFilter;
import io.dtx.web.ProblemErrorReportValve;
import io.dtx.web.RequestBodyLimitFilter;
import io.dtx.web.ServiceTokenFilter;
import io.dtx.web.ServiceTokenFilter.Endpoint;
import java.util.List;
import org.apache.catalina.core.StandardHost;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.util.unit.DataSize;

/**
 * What stands in front of the API: a body size limit for every request, and the service token
 * for the endpoints only the account service (or an operator) may call: the result query it
 * pulls from and the reconciliation feed. Taking a recharge stays public.
 */
@Configuration(proxyBeanMethods = false)
class WebFilters {

    @Bean
    FilterRegistrationBean<RequestBodyLimitFilter> requestBodyLimit(@Value("${dtx.web.max-request-body:16KB}") DataSize limit) {
        FilterRegistrationBean<RequestBodyLimitFilter> registration = new FilterRegistrationBean<>(new RequestBodyLimitFilter((int) limit.toBytes()));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    @Bean
    FilterRegistrationBean<NoPathParametersFilter> noPathParameters() {
        FilterRegistrationBean<NoPathParametersFilter> registration = new FilterRegistrationBean<>(new NoPathParametersFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 5);
        return registration;
    }

    /** What Tomcat refuses before any filter runs (a %00 in the URL, say) is answered as a problem too. */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorPages() {
        return factory -> factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof StandardHost host) {
                host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
            }
        });
    }

    @Bean
    FilterRegistrationBean<ServiceTokenFilter> serviceToken(@Value("${dtx.security.service-token:}") String token) {
        FilterRegistrationBean<ServiceTokenFilter> registration = new FilterRegistrationBean<>(new ServiceTokenFilter(token, List.of(
                new Endpoint("GET", "/pay/recharges"),
                new Endpoint("GET", "/pay/recharges/{txNo}"))));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
        return registration;
    }
}
