/**
 * The REST API under {@code /v1} (PROTOCOL §5): call control, call records, account management,
 * their RFC 9457 problem details and keyset paging. Authentication is the auth module's.
 */
package asia.oncaller.api;
