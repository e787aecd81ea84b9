package io.dtx.pay.web;

import io.dtx.web.ServiceTokenFilter.InternalPath;
import io.dtx.web.WebGuards;
import io.dtx.web.WebGuards.InternalPaths;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * The shared guards in front of the API (see {@link WebGuards}). Internal, every method: the result
 * query the account service pulls from, the reconciliation feed (all but POST on that path:
 * taking a recharge stays public), and the local message table's control.
 */
@Configuration(proxyBeanMethods = false)
@Import(WebGuards.class)
class WebFilters {

    @Bean
    InternalPaths internalPaths() {
        return new InternalPaths(List.of(
                InternalPath.everyMethodExcept("/pay/recharges", "POST"),
                InternalPath.everyMethod("/pay/recharges/{txNo}"),
                InternalPath.everyMethod("/pay/recharges/{txNo}/refunds"),
                InternalPath.everyMethod("/pay/outbox"),
                InternalPath.everyMethod("/pay/outbox/**")));
    }
}
