package io.dtx.account.web;

import io.dtx.web.ServiceTokenFilter.InternalPath;
import io.dtx.web.WebGuards;
import io.dtx.web.WebGuards.InternalPaths;
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
    InternalPaths internalPaths() {
        return new InternalPaths(List.of(
                InternalPath.everyMethod("/accounts/recharges/{txNo}/pull"),
                InternalPath.everyMethod("/accounts/reconciliation/runs"),
                InternalPath.everyMethod("/accounts/reconciliation/sweeps"),
                InternalPath.everyMethod("/accounts/suspense"),
                InternalPath.everyMethod("/accounts/suspense/**")));
    }
}
