package io.dtx.account;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.mybatis.spring.annotation.MapperScan;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The account service ("bank 1"): owns balances and credits each recharge exactly once. */
@SpringBootApplication
@EnableScheduling
// Only interfaces extending BaseMapper are mappers; any other interface here is an ordinary bean type.
@MapperScan(basePackages = "io.dtx.account", markerInterface = BaseMapper.class)
public class AccountServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(AccountServiceApplication.class, args);
    }
}
