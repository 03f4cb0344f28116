package vn.chungtay;

import com.tngtech.archunit.core.domain.JavaClass;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

class ModularityTests {

    /** The production code only: tests may use field injection and reach into internals. */
    static final ApplicationModules MODULES = ApplicationModules.of(
            ChungTayApplication.class,
            JavaClass.Predicates.simpleNameEndingWith("Tests")
                    .or(JavaClass.Predicates.simpleNameEndingWith("Mother"))
                    .or(JavaClass.Predicates.simpleName("IntegrationTest")));

    @Test
    void modulesOnlyUseEachOthersApisAndHaveNoCycles() {
        MODULES.verify();
    }

    @Test
    void writesTheModuleDiagramIntoDocs() {
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder("docs/modules"))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml()
                .writeModuleCanvases();
    }
}
