package io.dtx.pay;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import io.dtx.pay.outbox.OutboxSendHook;
import io.dtx.pay.payment.LocalCommitHook;
import io.dtx.pay.queuefirst.RequestPaymentHook;
import org.mybatis.spring.annotation.MapperScan;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/** The pay service ("bank 2"): takes recharges and announces them with transactional messages. */
@SpringBootApplication
// Only interfaces extending BaseMapper are mappers; any other interface here is an ordinary bean type.
@MapperScan(basePackages = "io.dtx.pay", markerInterface = BaseMapper.class)
public class PayServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(PayServiceApplication.class, args);
    }

    /** No fault between a relay's send and its 'finish', unless a test provides one. */
    @Bean
    @ConditionalOnMissingBean
    OutboxSendHook noOutboxSendHook() {
        return txNo -> {};
    }

    /** No fault inside a queue-first payment's transaction, unless a test provides one. */
    @Bean
    @ConditionalOnMissingBean
    RequestPaymentHook noRequestPaymentHook() {
        return (requestId, accountNo) -> {};
    }

    /** No fault between local commit and COMMIT, unless a test or the lab profile provides one. */
    @Bean
    @ConditionalOnMissingBean
    LocalCommitHook noLocalCommitHook() {
        return (txNo, accountNo) -> {};
    }
}
