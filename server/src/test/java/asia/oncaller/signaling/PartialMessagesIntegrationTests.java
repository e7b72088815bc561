package asia.oncaller.signaling;

import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import asia.oncaller.testsupport.CallTestSupport;
import asia.oncaller.testsupport.StompTestClient;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Frames larger than the container's 1 KB message buffers ({@link PartialMessages}), over real
 * WebSockets: they arrive in pieces and the server joins them, whatever character a piece ends in.
 */
class PartialMessagesIntegrationTests extends CallTestSupport {

	/**
	 * The server takes WebSocket messages in 1 KB pieces and joins them into STOMP frames
	 * ({@code PartialMessages}): an SDP of about 50 KB, with characters of 2, 3 and 4 UTF-8 bytes
	 * that pieces may cut anywhere, arrives whole and unchanged.
	 */
	@Test
	void anSdpOfFiftyKilobytesArrivesWholeAndUnchanged() throws Exception {
		StompTestClient alice = device("alice", "a1");
		try (RawStompSocket bob = RawStompSocket.connected(HttpClient.newHttpClient(), this.port,
				this.tenants.clientToken(this.project, "bob"), "b1")) {
			assertThat(bob.next()).startsWith("CONNECTED");
			bob.send("SUBSCRIBE", "id:0", "destination:/user/queue/events");
			String callId = call(alice, "bob", 60);
			String sdp = "v=0 " + "a=\u00fc\u20ac\ud83d\ude00 ".repeat(4500);
			assertThat(sdp.getBytes(StandardCharsets.UTF_8).length).isBetween(50_000, 60_000);

			alice.send("call.sdp", body(callId, "sdp", Map.of("type", "offer", "sdp", sdp)));

			String frame;
			do {
				frame = bob.next();
			}
			while (!frame.contains("\"type\":\"sdp\""));
			assertThat(frame).contains(callId).contains("\"sdp\":\"" + sdp + "\"");
		}
	}

}
