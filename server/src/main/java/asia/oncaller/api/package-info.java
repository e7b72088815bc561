/**
 * The REST API under {@code /v1} (PROTOCOL §5): call control, call records, account management,
 * their RFC 9457 problem details and keyset paging. Authentication is the auth module's.
 */
@ApplicationModule(allowedDependencies = { "auth", "billing", "call", "common", "database", "limits",
		"numbers", "outbound", "tenant", "trunks", "webhook" })
package asia.oncaller.api;

import org.springframework.modulith.ApplicationModule;
