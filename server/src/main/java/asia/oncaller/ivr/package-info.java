/**
 * The SCCO runner (IVR): the actions of a customer's SCCO carried out in order on a call whose
 * media is anchored at rtpengine ({@code play}, {@code talk}, {@code input}, ...), up to its
 * {@code connect}. The call's side (a phone leg, or an app caller the server answered) plugs in as an {@link asia.oncaller.ivr.IvrLine};
 * each kind of action is an {@link asia.oncaller.ivr.ActionRunner}. See docs/ivr.md.
 */
@ApplicationModule(allowedDependencies = { "common", "control", "greetings", "media", "outbound", "recording" })
package asia.oncaller.ivr;

import org.springframework.modulith.ApplicationModule;
