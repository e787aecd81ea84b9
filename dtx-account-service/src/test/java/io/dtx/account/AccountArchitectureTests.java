package io.dtx.account;

import static com.tngtech.archunit.core.domain.JavaAccess.Predicates.target;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleName;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.name;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class AccountArchitectureTests {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.dtx.account");

    @Test
    void everyCreditGoesThroughTheOneTransactionalPath() {
        // Only CreditService may touch the dedup table and the balance: message, pull and
        // reconciliation must all share its insert-first transaction. The one exception removes,
        // never credits: the dedup retention's cleanup (only through the database's procedures;
        // which of the mapper's methods it calls is pinned by the next test).
        classes()
                .that()
                .haveSimpleName("BalanceMapper")
                .should()
                .onlyBeAccessed()
                .byClassesThat()
                .haveSimpleName("CreditService")
                .check(classes);
        classes()
                .that()
                .haveSimpleName("DedupMapper")
                .should()
                .onlyBeAccessed()
                .byClassesThat(simpleName("CreditService").or(simpleName("DedupCleanup")))
                .check(classes);
    }

    @Test
    void theCleanupOnlyRemovesAndNothingElseRemoves() {
        noClasses()
                .that()
                .haveSimpleName("DedupCleanup")
                .should()
                .callMethodWhere(target(name("claim")).and(target(owner(simpleName("DedupMapper")))))
                .check(classes);
        noClasses()
                .that()
                .doNotHaveSimpleName("DedupCleanup")
                .should()
                .callMethodWhere(target(name("removeBeforeHorizon").or(name("raiseHorizon"))))
                .check(classes);
    }

    @Test
    void listenersOnlyDelegate() {
        noClasses()
                .that()
                .haveSimpleNameEndingWith("Listener")
                .should()
                .dependOnClassesThat()
                .areAssignableTo(BaseMapper.class)
                .orShould()
                .dependOnClassesThat()
                .resideInAPackage("org.springframework.jdbc..")
                .check(classes);
    }

    @Test
    void featurePackagesHaveNoCycles() {
        slices().matching("io.dtx.account.(*)..").should().beFreeOfCycles().check(classes);
    }
}
