package io.dtx.relay.web;

import io.dtx.web.ServiceTokenFilter.InternalPath;
import io.dtx.web.WebGuards;
import io.dtx.web.WebGuards.InternalPaths;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** Everything the relay serves is for a person or another service: all of it behind the token. */
@Configuration(proxyBeanMethods = false)
@Import(WebGuards.class)
class WebFilters {

    @Bean
    InternalPaths internalPaths() {
        return new InternalPaths(List.of(InternalPath.everyMethod("/relay/**")));
    }
}
