package io.dtx.walkthrough;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The walkthrough's packages each serve one audience: three tools ({@code demo}, {@code chaos},
 * {@code bench}) on shared ground ({@code probe}, {@code report}, and {@code stack} at the bottom),
 * started by {@code Dtx}. A tool that reaches into another, or shared ground that reaches up into a
 * tool, fails here. (ArchUnit also fails a rule whose package has no classes, so a rename cannot
 * make these pass by matching nothing.)
 */
class WalkthroughArchitectureTests {

    private static final String ROOT = "io.dtx.walkthrough";
    private static final List<String> TOOLS = List.of("demo", "chaos", "bench");

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(ROOT);

    @Test
    void theDemoTheCampaignAndTheBenchmarkDoNotDependOnEachOther() {
        for (String tool : TOOLS) {
            String[] others = TOOLS.stream()
                    .filter(t -> !t.equals(tool))
                    .map(t -> ROOT + "." + t + "..")
                    .toArray(String[]::new);
            noClasses()
                    .that()
                    .resideInAPackage(ROOT + "." + tool + "..")
                    .should()
                    .dependOnClassesThat()
                    .resideInAnyPackage(others)
                    .because("each tool stands alone on the shared packages")
                    .check(classes);
        }
    }

    @Test
    void theStackIsTheBottomAndKnowsNoOneAboveIt() {
        noClasses()
                .that()
                .resideInAPackage(ROOT + ".stack..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        ROOT,
                        ROOT + ".demo..",
                        ROOT + ".chaos..",
                        ROOT + ".bench..",
                        ROOT + ".probe..",
                        ROOT + ".report..")
                .check(classes);
    }

    @Test
    void probesServeEveryToolButKnowNone() {
        noClasses()
                .that()
                .resideInAPackage(ROOT + ".probe..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(ROOT, ROOT + ".demo..", ROOT + ".chaos..", ROOT + ".bench..", ROOT + ".report..")
                .check(classes);
    }

    @Test
    void reportWritingKnowsNothingOfWhatTheReportsSay() {
        noClasses()
                .that()
                .resideInAPackage(ROOT + ".report..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        ROOT,
                        ROOT + ".demo..",
                        ROOT + ".chaos..",
                        ROOT + ".bench..",
                        ROOT + ".probe..",
                        ROOT + ".stack..")
                .check(classes);
    }

    @Test
    void onlyTheEntryPointStartsTheTools() {
        noClasses()
                .that()
                .resideOutsideOfPackages(ROOT, ROOT + ".demo..", ROOT + ".chaos..", ROOT + ".bench..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(ROOT + ".demo..", ROOT + ".chaos..", ROOT + ".bench..")
                .check(classes);
    }
}
