/**
 * What every REST adapter under {@code /v1} shares (PROTOCOL §5): RFC 9457 problem details and
 * their types, keyset paging and its signed cursors, the OpenAPI description, JSON value
 * formats. The controllers themselves live in the features they serve ({@code accounts},
 * {@code records}, and the {@code web} subpackages of {@code call}, {@code numbers},
 * {@code trunks} and {@code billing}); authentication is the auth module's.
 */
@ApplicationModule(allowedDependencies = { "auth", "database" })
package asia.oncaller.api;

import org.springframework.modulith.ApplicationModule;
