/**
 * Call records for operators and customers (PROTOCOL §5): filtered keyset pages, the streamed
 * CSV export, one call, and a call's webhook events with their delivery ({@code /v1/calls},
 * {@code /v1/calls/{id}}, {@code /v1/calls/{id}/events}). Reads the {@code call} table in SQL,
 * read-only, always within the token's tenant.
 */
@ApplicationModule(allowedDependencies = { "api", "auth", "call", "common", "database", "webhook" })
package asia.oncaller.records;

import org.springframework.modulith.ApplicationModule;
