package asia.oncaller;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The feature packages form an acyclic graph of modules that use each other only through their
 * top-level types, and each only the modules its package-info allows (Spring Modulith's rules);
 * the module documentation is written from the code.
 */
class ModularityTests {

	private final ApplicationModules modules = ApplicationModules.of(OnCallerApplication.class);

	@Test
	void modulesRespectTheirBoundaries() {
		this.modules.verify();
	}

	@Test
	void writesModuleDocumentation() {
		new Documenter(this.modules).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
	}

}
