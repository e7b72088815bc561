/**
 * SIP trunks: the server as a back-to-back user agent between app users and carriers. Dials
 * phone numbers for app callers, takes carriers' calls to the account's numbers, and bridges the
 * media through {@link asia.oncaller.media.MediaBridge}. See docs/sip.md.
 */
@ApplicationModule(allowedDependencies = { "call", "control", "ivr", "limits", "media", "numbers", "tenant", "trunks" })
package asia.oncaller.sip;

import org.springframework.modulith.ApplicationModule;
