package io.dtx.notifier;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The notifier: the payment provider's notification program of the best-effort pattern. It reads
 * each payment result from the broker and calls every subscribed receiver back over HTTP, signed,
 * again and again on the receiver's schedule until the receiver acknowledges.
 */
@SpringBootApplication
@EnableScheduling
@ConfigurationPropertiesScan
public class NotifierApplication {

    public static void main(String[] args) {
        SpringApplication.run(NotifierApplication.class, args);
    }
}
