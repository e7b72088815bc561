/** Phone numbers (E.164) that an account owns, with the project and trunk that serve them. */
@ApplicationModule(allowedDependencies = { "common" })
package asia.oncaller.numbers;

import org.springframework.modulith.ApplicationModule;
