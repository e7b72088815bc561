/**
 * Limits on what one token, user, connection or account may ask of the server: per-key request
 * rates that stay bounded in memory, and the settings of every limit (PROTOCOL §5).
 */
@ApplicationModule(allowedDependencies = {})
package asia.oncaller.limits;

import org.springframework.modulith.ApplicationModule;
