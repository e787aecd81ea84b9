package io.dtx.account.web;

import io.dtx.web.ServiceTokenFilter.Endpoint;
import io.dtx.web.WebGuards;
import io.dtx.web.WebGuards.InternalEndpoints;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * The shared guards in front of the API (see {@link WebGuards}). Internal: the operations that
 * make this service call the pay service and write to the ledger (pull one payment, run
 * reconciliation now). Reading an account stays public.
 */
@Configuration(proxyBeanMethods = false)
@Import(WebGuards.class)
class WebFilters {

    @Bean
    InternalEndpoints internalEndpoints() {
        return new InternalEndpoints(List.of(
                new Endpoint("POST", "/accounts/recharges/{txNo}/pull"),
                new Endpoint("POST", "/accounts/reconciliation/runs")));
    }
}
