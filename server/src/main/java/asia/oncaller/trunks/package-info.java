/** SIP trunks: the carriers through which calls reach and come from the phone network. */
@ApplicationModule(allowedDependencies = { "common" })
package asia.oncaller.trunks;

import org.springframework.modulith.ApplicationModule;
