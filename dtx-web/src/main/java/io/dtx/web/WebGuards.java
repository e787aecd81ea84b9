package io.dtx.web;

import io.dtx.web.ServiceTokenFilter.InternalPath;
import io.dtx.web.journey.JourneyConfig;
import jakarta.servlet.Filter;
import java.util.ArrayList;
import java.util.List;
import org.apache.catalina.core.StandardHost;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.util.unit.DataSize;

/**
 * What stands in front of each service's API, in this order: no path parameters, a body size
 * limit, and the service token for the endpoints the service names as internal (a bean of type
 * {@link InternalPaths}); plus problem bodies for every error, from the controllers
 * ({@link ProblemResponses}, with the service's {@link ProblemCatalog}) and for what Tomcat
 * refuses before any filter runs. A service imports this with {@code @Import(WebGuards.class)}.
 */
@Configuration(proxyBeanMethods = false)
@Import({ProblemResponses.class, JourneyConfig.class})
public class WebGuards {

    /** The endpoints of a service that only other services (or an operator) may call. */
    public record InternalPaths(List<InternalPath> paths) {}

    @Bean
    FilterRegistrationBean<NoPathParametersFilter> noPathParameters() {
        return ordered(new NoPathParametersFilter(), 5);
    }

    @Bean
    FilterRegistrationBean<RequestBodyLimitFilter> requestBodyLimit(
            @Value("${dtx.web.max-request-body:16KB}") DataSize limit) {
        return ordered(new RequestBodyLimitFilter((int) limit.toBytes()), 10);
    }

    @Bean
    FilterRegistrationBean<ServiceTokenFilter> serviceToken(
            @Value("${dtx.security.service-token:}") String token, InternalPaths internal) {
        // The journeys name payments: internal on every service, whatever the service lists.
        List<InternalPath> paths = new ArrayList<>(internal.paths());
        paths.add(InternalPath.everyMethod("/journeys"));
        return ordered(new ServiceTokenFilter(token, paths), 20);
    }

    /** What Tomcat refuses itself (a %00 in the URL, say) is answered as a problem too. */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorPages() {
        return factory -> factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof StandardHost host) {
                host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
            }
        });
    }

    private static <F extends Filter> FilterRegistrationBean<F> ordered(F filter, int order) {
        FilterRegistrationBean<F> registration = new FilterRegistrationBean<>(filter);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + order);
        return registration;
    }
}
