/** The call aggregate: its state machine, the verbs on it and the call record it becomes. */
@ApplicationModule(allowedDependencies = { "billing", "common", "control", "database",
		"limits", "numbers", "tenant", "trunks" })
package asia.oncaller.call;

import org.springframework.modulith.ApplicationModule;
