/**
 * How the server lives with PostgreSQL being away: telling an outage from a bug, and the few
 * reads allowed to wait longer than the pool's socket timeout (docs/operations.md, "Database").
 */
@ApplicationModule(allowedDependencies = {})
package asia.oncaller.database;

import org.springframework.modulith.ApplicationModule;
