/**
 * The media bridge between WebRTC apps and SIP carriers: rtpengine, driven over its ng control
 * protocol, rewrites SDP both ways and relays the media; DTMF it sees is published as events.
 */
@ApplicationModule(allowedDependencies = {})
package asia.oncaller.media;

import org.springframework.modulith.ApplicationModule;
