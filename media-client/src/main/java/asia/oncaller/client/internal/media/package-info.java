/**
 * Media internals of the SDK, on webrtc-java 0.14.0: one {@link asia.oncaller.client.internal.media.MediaSession}
 * per call (audio module, factory, peer connection, sources, sinks), synthetic sources, safe
 * device probing. Not API: public only so that the {@code asia.oncaller.client} layer can use it.
 */
package asia.oncaller.client.internal.media;
