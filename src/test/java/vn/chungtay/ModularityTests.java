package vn.chungtay;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

class ModularityTests {

    /** The production code only: classes compiled from src/test are left out. */
    static final ApplicationModules MODULES =
            ApplicationModules.of(ChungTayApplication.class, new DescribedPredicate<JavaClass>("test classes") {
                @Override
                public boolean test(JavaClass type) {
                    return type.getSource()
                            .map(source -> source.getUri().toString().contains("/test-classes/"))
                            .orElse(false);
                }
            });

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
