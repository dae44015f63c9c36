package org.failback.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaParameter;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Path and query parameters reach the API as text and are parsed by the product (QueryParams, PathIds): a JAX-RS
 * conversion reads {@code dryRun=ture} as false, which started a real failover, and answers {@code jobs/abc} with a
 * framework 404.
 */
class ApiInputTest {

    private static final List<Class<? extends java.lang.annotation.Annotation>> PARAMETERS =
            List.of(PathParam.class, QueryParam.class);

    private static JavaClasses web;

    @BeforeAll
    static void importWeb() {
        web = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.failback.web");
    }

    @Test
    void pathAndQueryParametersAreTakenAsText() {
        methods()
                .should(new ArchCondition<JavaMethod>("take @PathParam and @QueryParam parameters as String") {
                    @Override
                    public void check(JavaMethod method, ConditionEvents events) {
                        for (JavaParameter parameter : method.getParameters()) {
                            boolean bound = PARAMETERS.stream().anyMatch(parameter::isAnnotatedWith);
                            if (bound && !parameter.getRawType().isEquivalentTo(String.class)) {
                                events.add(SimpleConditionEvent.violated(
                                        method,
                                        method.getFullName() + " takes a "
                                                + parameter.getRawType().getSimpleName()
                                                + " path or query parameter: take a String and parse it"));
                            }
                        }
                    }
                })
                .check(web);
        for (Class<? extends java.lang.annotation.Annotation> annotation : PARAMETERS) {
            fields().that()
                    .areAnnotatedWith(annotation)
                    .should()
                    .haveRawType(String.class)
                    .allowEmptyShould(true)
                    .check(web);
        }
    }
}
