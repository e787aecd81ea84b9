package io.dtx.contract;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The contract is what two independently deployed services share. It must stay plain Java: a
 * framework type in it would force both services onto the same framework version.
 */
class ContractArchitectureTests {

    private final JavaClasses contract = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.dtx.contract");

    @Test
    void dependsOnNothingButTheJdk() {
        classes()
                .that()
                .resideInAPackage("io.dtx.contract..")
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage("io.dtx.contract..", "java..", "javax.crypto..")
                .check(contract);
    }

    @Test
    void hasNoSpringOrRocketMqImports() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.springframework..", "org.apache.rocketmq..", "com.fasterxml..", "tools.jackson..")
                .check(contract);
    }

    @Test
    void messagesAreRecords() {
        classes()
                .that()
                .haveSimpleNameEndingWith("Succeeded")
                .should()
                .beRecords()
                .check(contract);
    }
}
