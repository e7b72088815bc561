/**
 * The call aggregate: its state machine, the verbs on it and the call record it becomes. The
 * {@code web} subpackage, internal like every subpackage, is the REST adapter for the verbs
 * ({@code /v1/calls/...}); it runs them through {@link asia.oncaller.call.CallRequestRunner}
 * exactly as the STOMP adapter in {@code signaling} does.
 */
@ApplicationModule(allowedDependencies = { "api", "auth", "billing", "common", "control", "database",
		"limits", "numbers", "tenant", "trunks" })
package asia.oncaller.call;

import org.springframework.modulith.ApplicationModule;
