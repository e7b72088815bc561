/**
 * The web console (issue 19) as the server serves it: the static single-page app at
 * {@code /console}, built by the {@code console} module, and the headers that keep it to its own
 * origin. Everything it shows comes from the {@code /v1} REST API.
 */
@ApplicationModule(allowedDependencies = {})
package asia.oncaller.console;

import org.springframework.modulith.ApplicationModule;
