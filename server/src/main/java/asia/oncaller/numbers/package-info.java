/**
 * Phone numbers (E.164) that an account owns, with the project and trunk that serve them. The
 * {@code web} subpackage is the module's REST adapter ({@code /v1/numbers}); like every
 * subpackage it is internal, so no other module can reach into it.
 */
@ApplicationModule(allowedDependencies = { "api", "auth", "common", "outbound", "tenant", "trunks" })
package asia.oncaller.numbers;

import org.springframework.modulith.ApplicationModule;
