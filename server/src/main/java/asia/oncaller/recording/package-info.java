/**
 * Call recordings: the SCCO's {@code record} action has rtpengine capture a call it relays, the
 * capture becomes a WAV or MP3 file kept per account (size and age limits), listed and downloaded
 * over REST, announced on the event_url and charged if a rate says so. See docs/recordings.md.
 */
@ApplicationModule(allowedDependencies = { "api", "auth", "billing", "call", "common", "control", "media", "tenant" })
package asia.oncaller.recording;

import org.springframework.modulith.ApplicationModule;
