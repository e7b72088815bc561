/**
 * The media anchor of app-to-app calls: a call whose SCCO needs it
 * ({@link asia.oncaller.control.MediaAnchor#needed}) has its apps' SDP rewritten by rtpengine, so
 * that its media runs through the server (recorded, or kept off the apps' own addresses) instead
 * of peer to peer, and its media freed at rtpengine when it ends. See docs/ivr.md.
 */
@ApplicationModule(allowedDependencies = { "call", "media" })
package asia.oncaller.anchor;

import org.springframework.modulith.ApplicationModule;
