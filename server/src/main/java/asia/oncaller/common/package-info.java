/** Small helpers shared by every module: identifiers, secrets and the clock. */
@ApplicationModule(allowedDependencies = {})
package asia.oncaller.common;

import org.springframework.modulith.ApplicationModule;
