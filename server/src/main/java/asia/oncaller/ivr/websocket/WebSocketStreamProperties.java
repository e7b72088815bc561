package asia.oncaller.ivr.websocket;

import java.net.InetAddress;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Bounds of a {@code connect} to a customer's WebSocket (docs/ivr.md, "Voice bots").
 *
 * @param connectTimeout how long opening the WebSocket may take (lookup, connection, TLS,
 * handshake); past it the connect is skipped
 * @param mediaAddress this server's address as rtpengine reaches it: the call's audio comes to
 * a UDP port on it
 * @param bufferedAudio how much of the customer's audio may wait to be played; what comes
 * faster than it plays is dropped past it
 * @param maxMessageSize the largest WebSocket message the customer may send; a larger one
 * closes the WebSocket (status 4009)
 */
@ConfigurationProperties("oncaller.ivr.websocket")
record WebSocketStreamProperties(@DefaultValue("5s") Duration connectTimeout,
		@DefaultValue("127.0.0.1") InetAddress mediaAddress, @DefaultValue("5s") Duration bufferedAudio,
		@DefaultValue("64KB") DataSize maxMessageSize) {

	/** The bytes of L16 audio at 16 kHz that {@link #bufferedAudio} lasts. */
	int bufferedAudioBytes() {
		return (int) Math.min(Integer.MAX_VALUE, this.bufferedAudio.toMillis() * L16Audio.BYTES_PER_MILLI);
	}

}
