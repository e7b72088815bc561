/**
 * Requests the server makes to customers' servers (answer_url, event_url): which addresses they
 * may reach, and the signature that lets a customer verify they came from OnCaller.
 */
@ApplicationModule(allowedDependencies = {})
package asia.oncaller.outbound;

import org.springframework.modulith.ApplicationModule;
