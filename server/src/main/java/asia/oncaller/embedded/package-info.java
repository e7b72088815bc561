/**
 * The embedded PostgreSQL that serves when no database is configured: a real server, started
 * in-process, so that the server runs and its tests pass on a machine with only a JDK.
 */
@ApplicationModule(allowedDependencies = {})
package asia.oncaller.embedded;

import org.springframework.modulith.ApplicationModule;
