/** Accounts (paying customers) and their projects (apps with an answer_url and API keys). */
@ApplicationModule(allowedDependencies = { "common" })
package asia.oncaller.tenant;

import org.springframework.modulith.ApplicationModule;
