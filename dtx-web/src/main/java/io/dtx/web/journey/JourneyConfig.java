package io.dtx.web.journey;

import java.time.Clock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** Every service that imports the web guards keeps its journey steps and serves them. */
@Configuration(proxyBeanMethods = false)
@Import(JourneyController.class)
public class JourneyConfig {

    @Bean
    Journeys journeys(@Value("${spring.application.name:dtx}") String service) {
        return new Journeys(service, Clock.systemUTC());
    }
}
