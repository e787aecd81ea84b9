package io.dtx.pay.web;

import io.dtx.web.ServiceTokenFilter.Endpoint;
import io.dtx.web.WebGuards;
import io.dtx.web.WebGuards.InternalEndpoints;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * The shared guards in front of the API (see {@link WebGuards}). Internal: the result query the
 * account service pulls from, and the reconciliation feed. Taking a recharge stays public.
 */
@Configuration(proxyBeanMethods = false)
@Import(WebGuards.class)
class WebFilters {

    @Bean
    InternalEndpoints internalEndpoints() {
        return new InternalEndpoints(
                List.of(new Endpoint("GET", "/pay/recharges"), new Endpoint("GET", "/pay/recharges/{txNo}")));
    }
}
