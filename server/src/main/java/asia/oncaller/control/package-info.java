/**
 * Call control: asking a customer's answer_url what to do with a call, the SCCO it answers and
 * the built-in SCCO helper that serves as a zero-configuration answer_url.
 */
@ApplicationModule(allowedDependencies = { "auth", "limits", "outbound", "tenant" })
package asia.oncaller.control;

import org.springframework.modulith.ApplicationModule;
