/**
 * Demo mode: a ready tenant and a token endpoint, so that a fresh checkout can place calls at
 * once. On by default only with the embedded database; never on in production unless asked.
 */
@ApplicationModule(allowedDependencies = { "auth", "billing", "embedded", "numbers", "tenant", "trunks" })
package asia.oncaller.demo;

import org.springframework.modulith.ApplicationModule;
