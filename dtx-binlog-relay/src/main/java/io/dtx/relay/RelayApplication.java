package io.dtx.relay;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The binlog relay: the third way the source articles publish a payment. The pay service only
 * writes {@code account_pay}; this process reads the server's binary log, where only committed
 * transactions appear, and publishes each successful payment to the broker, resuming after a
 * crash from a position it saves only once the broker has acknowledged everything before it.
 */
@SpringBootApplication
@EnableScheduling
@ConfigurationPropertiesScan
public class RelayApplication {

    public static void main(String[] args) {
        SpringApplication.run(RelayApplication.class, args);
    }
}
