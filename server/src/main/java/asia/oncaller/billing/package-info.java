/**
 * Rates, the prepaid balance ledger and the charging of calls. The {@code web} subpackage,
 * internal like every subpackage, is the REST adapter for rates ({@code /v1/rates}).
 */
@ApplicationModule(allowedDependencies = { "api", "auth", "common", "numbers", "tenant" })
package asia.oncaller.billing;

import org.springframework.modulith.ApplicationModule;
