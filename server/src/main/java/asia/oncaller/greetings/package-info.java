/**
 * Greeting files: audio an account uploads (WAV or MP3) for the SCCO's {@code play} action, kept
 * per account in PostgreSQL and materialized into a media directory that rtpengine reads.
 */
@ApplicationModule(allowedDependencies = { "api", "auth", "common" })
package asia.oncaller.greetings;

import org.springframework.modulith.ApplicationModule;
