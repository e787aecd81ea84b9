package io.dtx.pay;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.dtx.contract.Messaging;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

class PayArchitectureTests {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.dtx.pay");

    @Test
    void controllersDoNotTouchMappersDirectly() {
        noClasses()
                .that()
                .haveSimpleNameEndingWith("Controller")
                .should()
                .dependOnClassesThat()
                .areAssignableTo(BaseMapper.class)
                .check(classes);
    }

    @Test
    void transactionListenerGoesThroughTheLedgerNotTheMapper() {
        noClasses()
                .that()
                .haveSimpleNameEndingWith("TransactionListener")
                .should()
                .dependOnClassesThat()
                .areAssignableTo(BaseMapper.class)
                .check(classes);
    }

    @Test
    void productionCodeNeverDependsOnTheLab() {
        // The lab's seams (a pause before COMMIT, a naive endpoint) are switched on by a profile;
        // nothing that runs in production may need them to exist.
        noClasses()
                .that()
                .resideOutsideOfPackage("io.dtx.pay.lab..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("io.dtx.pay.lab..")
                .check(classes);
    }

    @Test
    void featurePackagesHaveNoCycles() {
        slices().matching("io.dtx.pay.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void onlyThePaymentPackageTouchesThePaymentTable() {
        // (The application class names BaseMapper only to tell MyBatis what a mapper is.)
        noClasses()
                .that()
                .resideOutsideOfPackage("io.dtx.pay.payment..")
                .and()
                .doNotHaveSimpleName("PayServiceApplication")
                .should()
                .dependOnClassesThat()
                .areAssignableTo(BaseMapper.class)
                .check(classes);
    }

    @Test
    void plainSqlLivesOnlyInTheTableClasses() {
        // OutboxTable (mq_notify) and RequestTable (recharge_request): their locking stays visible.
        noClasses()
                .that()
                .haveSimpleNameNotEndingWith("Table")
                .should()
                .dependOnClassesThat()
                .areAssignableTo(JdbcTemplate.class)
                .check(classes);
    }

    @Test
    void producerGroupInTheConfigurationIsTheContractsName() throws Exception {
        String yaml = Files.readString(Path.of("src/main/resources/application.yml"));

        assertThat(yaml).contains("group: " + Messaging.PAY_PRODUCER_GROUP);
    }
}
