package asia.oncaller.media;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The ng client against a real rtpengine (ping, refusals, many callers at once) and against
 * sockets that stay silent or drop the first datagram (timeout, resend with the same cookie).
 */
class RtpEngineClientTests {

	@RegisterExtension
	static final RtpEngineProcess rtpengine = new RtpEngineProcess();

	@Test
	void pingGetsPong() {
		try (RtpEngineClient client = rtpengine.newClient(Duration.ofSeconds(1), 0)) {
			assertThat(client.request("ping", Map.of())).containsEntry("result", "pong");
		}
	}

	@Test
	void errorResultBecomesExceptionWithItsReason() {
		try (RtpEngineClient client = rtpengine.newClient(Duration.ofSeconds(1), 0)) {
			assertThatExceptionOfType(RtpEngineException.class)
				.isThrownBy(() -> client.request("no such command", Map.of()))
				.satisfies((ex) -> assertThat(ex.errorReason()).containsIgnoringCase("unrecognized command"))
				.withMessageContaining("no such command");
		}
	}

	@Test
	void concurrentCallersEachGetTheirOwnReply() throws Exception {
		ExecutorService threads = Executors.newFixedThreadPool(16);
		try (RtpEngineClient client = rtpengine.newClient(Duration.ofSeconds(2), 2)) {
			List<CompletableFuture<String>> replies = IntStream.range(0, 200)
				.mapToObj((i) -> CompletableFuture.supplyAsync(() -> offerAndDelete(client, i), threads))
				.toList();

			// rtpengine keeps the o= line, so a reply matched to another request would show another id.
			for (int i = 0; i < replies.size(); i++) {
				assertThat(replies.get(i).get()).contains("o=- " + (1000 + i) + " 1 IN IP4 127.0.0.1");
			}
		}
		finally {
			threads.shutdown();
		}
	}

	private static String offerAndDelete(RtpEngineClient client, int i) {
		String sdp = "v=0\r\no=- " + (1000 + i) + " 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
				+ "m=audio " + (40000 + 2 * i) + " RTP/AVP 0\r\n";
		Object reply = client.request("offer", Map.of("call-id", "concurrent-" + i, "from-tag", "a", "sdp", sdp))
			.get("sdp");
		client.request("delete", Map.of("call-id", "concurrent-" + i));
		return (String) reply;
	}

	@Test
	void timesOutWhenNothingAnswers() throws Exception {
		try (DatagramSocket silent = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0));
				RtpEngineClient client = new RtpEngineClient(
						(InetSocketAddress) silent.getLocalSocketAddress(), Duration.ofMillis(100), 2)) {
			long start = System.nanoTime();

			assertThatExceptionOfType(RtpEngineTimeoutException.class).isThrownBy(() -> client.request("ping", Map.of()))
				.withMessageContaining("3 x 100 ms");
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofMillis(300),
					Duration.ofSeconds(2));
		}
	}

	@Test
	void resendsWithTheSameCookieAfterATimeout() throws Exception {
		try (DatagramSocket lossy = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0));
				RtpEngineClient client = new RtpEngineClient(
						(InetSocketAddress) lossy.getLocalSocketAddress(), Duration.ofMillis(200), 1)) {
			CompletableFuture<Map<String, Object>> reply = CompletableFuture
				.supplyAsync(() -> client.request("ping", Map.of()));
			String first = cookie(receive(lossy));
			DatagramPacket resend = receive(lossy);
			assertThat(cookie(resend)).isEqualTo(first);

			byte[] pong = (first + " d6:result4:ponge").getBytes(StandardCharsets.US_ASCII);
			lossy.send(new DatagramPacket(pong, pong.length, resend.getSocketAddress()));

			assertThat(reply.get()).containsEntry("result", "pong");
		}
	}

	private static DatagramPacket receive(DatagramSocket socket) throws java.io.IOException {
		socket.setSoTimeout(2000);
		DatagramPacket packet = new DatagramPacket(new byte[2048], 2048);
		socket.receive(packet);
		return packet;
	}

	private static String cookie(DatagramPacket packet) {
		String text = new String(packet.getData(), 0, packet.getLength(), StandardCharsets.US_ASCII);
		return text.substring(0, text.indexOf(' '));
	}

}
