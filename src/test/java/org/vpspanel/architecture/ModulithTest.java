package org.vpspanel.architecture;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.vpspanel.VpsPanelApplication;

/** The feature packages are Spring Modulith modules: no cycles, and none reaches into another's internals. */
class ModulithTest {

    @Test
    void theModulesAreFreeOfCyclesAndUseOnlyEachOthersApi() {
        ApplicationModules.of(VpsPanelApplication.class).verify();
    }
}
