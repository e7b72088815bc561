/**
 * Actions before an app caller's connect: an app user's {@code call.make} whose SCCO plays,
 * talks, streams or asks for input first (or has no connect) is answered by the server, its
 * media anchored at rtpengine, and the SCCO runs on the caller's side through the
 * {@link asia.oncaller.ivr.SccoRunner}; a {@code connect} it reaches rings the app user on the
 * same call. See docs/ivr.md, "App callers".
 */
@ApplicationModule(allowedDependencies = { "call", "control", "ivr", "media" })
package asia.oncaller.appivr;

import org.springframework.modulith.ApplicationModule;
