/**
 * SIP trunks: the carriers through which calls reach and come from the phone network. The
 * {@code web} subpackage, internal like every subpackage, is the REST adapter
 * ({@code /v1/sip-trunks}).
 */
@ApplicationModule(allowedDependencies = { "api", "auth", "common" })
package asia.oncaller.trunks;

import org.springframework.modulith.ApplicationModule;
