package org.failback.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The module map as rules the build checks: dependencies point down only (domain ← batch ← web), and the domain
 * speaks the JDK and the Jakarta EE APIs it is allowed, nothing else (no java.sql, no server classes).
 */
class ModuleBoundariesTest {

    private static JavaClasses product;

    @BeforeAll
    static void importProduct() {
        product = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.failback");
    }

    @Test
    void domainImportsOnlyTheJdkAndItsJakartaApis() {
        ArchRule rule = noClasses()
                .that()
                .resideInAPackage("org.failback.domain..")
                .should()
                .dependOnClassesThat()
                .resideOutsideOfPackages(
                        "org.failback.domain..",
                        "java.lang..",
                        "java.util..",
                        "java.time..",
                        "java.io..",
                        "java.math..",
                        "java.text..",
                        "java.net..",
                        "java.nio..",
                        "java.security..",
                        "jakarta.persistence..",
                        "jakarta.validation..",
                        "jakarta.inject..",
                        "jakarta.enterprise..",
                        "jakarta.transaction..")
                .because(
                        "the module map: domain code imports only jakarta.persistence, validation, inject/enterprise and transaction beyond the JDK");
        rule.check(product);
    }

    @Test
    void domainDoesNotUseJdbc() {
        noClasses()
                .that()
                .resideInAPackage("org.failback.domain..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("java.sql..")
                .check(product);
    }

    @Test
    void domainDependsOnNoOuterModule() {
        noClasses()
                .that()
                .resideInAPackage("org.failback.domain..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.failback.batch..", "org.failback.web..")
                .check(product);
    }

    @Test
    void batchDoesNotImportWeb() {
        noClasses()
                .that()
                .resideInAPackage("org.failback.batch..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("org.failback.web..")
                .check(product);
    }

    /** The experience policy reads registrar values; the registrar never reads the policy back (client does). */
    @Test
    void domainPackagesDependOnEachOtherWithoutCycles() {
        slices().matching("org.failback.domain.(*)..").should().beFreeOfCycles().check(product);
    }

    /** Issue #13: a cycle between packages of any module (batch.pool ↔ batch.jobs was one) fails the build. */
    @Test
    void noPackageCycleInAnyModule() {
        slices().matching("org.failback.(**)").should().beFreeOfCycles().check(product);
    }

    /** Resources and pages call use cases; the SQL lives in batch's application and infrastructure packages. */
    @Test
    void webUsesNoJdbc() {
        noClasses()
                .that()
                .resideInAPackage("org.failback.web..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("java.sql..", "javax.sql..")
                .check(product);
    }

    /** HTTP is the web module's business: use cases and the domain throw their own exceptions. */
    @Test
    void domainAndUseCasesKnowNoJaxRs() {
        noClasses()
                .that()
                .resideInAnyPackage("org.failback.domain..", "org.failback.batch..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("jakarta.ws.rs..", "jakarta.faces..", "jakarta.servlet..")
                .check(product);
    }

    /** Adapters serve the use cases and the jobs, never the other way round. */
    @Test
    void infrastructureDependsOnNoUseCaseOrJobArtifact() {
        noClasses()
                .that()
                .resideInAPackage("org.failback.batch.infrastructure..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.failback.batch.application..", "org.failback.batch.job..")
                .check(product);
    }
}
