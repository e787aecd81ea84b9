package io.dtx.pay.payment;

import java.util.List;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Refuses to start with a {@code dtx.pay.publisher} the pay service does not have, naming the ones
 * it has. Checked before any bean is made: otherwise the first complaint would be a missing
 * {@link PaymentPublisher} bean, which says nothing about the setting.
 */
@Component
class PublisherSettingCheck implements BeanFactoryPostProcessor, EnvironmentAware {

    static final List<String> PUBLISHERS = List.of("transactional", "outbox", "binlog");

    private Environment environment;

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = environment;
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        String publisher = environment.getProperty("dtx.pay.publisher", PUBLISHERS.get(0));
        if (!PUBLISHERS.contains(publisher)) {
            throw new IllegalStateException(
                    "dtx.pay.publisher (DTX_PAY_PUBLISHER) must be one of " + PUBLISHERS + ", not '" + publisher + "'");
        }
    }
}
