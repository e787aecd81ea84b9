package io.dtx.relay.web;

import io.dtx.relay.control.BadRelayRequestException;
import io.dtx.relay.control.UnknownExceptionRowException;
import io.dtx.web.ProblemCatalog;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;

/** What each of the relay's own failures tells the client (the rest: see {@code dtx-web}). */
@Configuration(proxyBeanMethods = false)
class RelayProblems {

    @Bean
    ProblemCatalog problemCatalog() {
        return new ProblemCatalog()
                .map(UnknownExceptionRowException.class, HttpStatus.NOT_FOUND, "Not in the exception table")
                .map(BadRelayRequestException.class, HttpStatus.BAD_REQUEST, "Invalid request");
    }
}
