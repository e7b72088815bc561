/**
 * STOMP over WebSocket at {@code /ws}: authentication on CONNECT, presence of users' devices,
 * the request adapters that call the call module, and the delivery of its events.
 */
@ApplicationModule(allowedDependencies = { "auth", "call", "database", "limits" })
package asia.oncaller.signaling;

import org.springframework.modulith.ApplicationModule;
