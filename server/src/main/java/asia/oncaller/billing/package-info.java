/** Rates, the prepaid balance ledger and the charging of calls. */
@ApplicationModule(allowedDependencies = { "common", "numbers", "tenant" })
package asia.oncaller.billing;

import org.springframework.modulith.ApplicationModule;
