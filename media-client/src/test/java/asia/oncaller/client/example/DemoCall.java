package asia.oncaller.client.example;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import asia.oncaller.client.AudioInput;
import asia.oncaller.client.Authen;
import asia.oncaller.client.CallEvent;
import asia.oncaller.client.CallStats;
import asia.oncaller.client.ClientEvent;
import asia.oncaller.client.MediaOptions;
import asia.oncaller.client.OnCallerCall;
import asia.oncaller.client.OnCallerClient;
import asia.oncaller.client.VideoInput;
import tools.jackson.databind.json.JsonMapper;

/**
 * The README's runnable example: alice calls bob on a server in demo mode, each sending a tone
 * (and the test pattern on a video call); bob answers; after a few seconds alice prints what she
 * receives and hangs up. Run a server first ({@code ./mvnw -pl server spring-boot:run}), then:
 *
 * <pre>
 * ./mvnw -q -pl media-client test-compile exec:java -Dexec.args="http://127.0.0.1:8080 video"
 * </pre>
 */
public final class DemoCall {

	/** How much of bob's audio alice hears before she hangs up. */
	private static final int HEARD_SECONDS = 4;

	private DemoCall() {
	}

	public static void main(String[] args) throws Exception {
		String server = (args.length > 0) ? args[0] : "http://127.0.0.1:8080";
		boolean video = args.length > 1 && args[1].equals("video");

		OnCallerClient alice = connect(server, "alice", AudioInput.tone(440));
		OnCallerClient bob = connect(server, "bob", AudioInput.tone(660));

		// bob answers every call and counts what he receives
		bob.on(ClientEvent.INCOMING_CALL, (call) -> {
			System.out.println("bob: incoming call from " + call.getFromNumber() + " (video " + call.isVideoCall() + ")");
			call.on(CallEvent.ADD_REMOTE_STREAM, (stream) -> System.out.println("bob: remote " + stream));
			call.answer((r) -> System.out.println("bob: answer r=" + r.r()));
		});

		OnCallerCall call = new OnCallerCall(alice, "alice", "bob", video);
		CompletableFuture<Void> connected = new CompletableFuture<>();
		CompletableFuture<Void> ended = new CompletableFuture<>();
		// What the demo waits for before hanging up: a few seconds of bob's audio heard.
		CompletableFuture<Void> heard = new CompletableFuture<>();
		call.on(CallEvent.SIGNALING_STATE, (s) -> {
			System.out.println("alice: signalingstate " + s.code() + " " + s.reason());
			if (s.isFinal()) {
				ended.complete(null);
			}
		});
		call.on(CallEvent.MEDIA_STATE, (m) -> {
			System.out.println("alice: mediastate " + m.code() + " " + m.reason());
			connected.complete(null);
		});
		call.on(CallEvent.ADD_LOCAL_STREAM, (s) -> System.out.println("alice: sending " + s));
		call.on(CallEvent.ADD_REMOTE_STREAM, (stream) -> {
			if (stream.isAudio()) {
				int[] peak = { 0 };
				long[] samples = { 0 };
				stream.addAudioSink((frame) -> {
					for (int i = 0; i < frame.frames() * frame.channels(); i++) {
						peak[0] = Math.max(peak[0], Math.abs(frame.sample(i)));
					}
					samples[0] += frame.frames();
					if (samples[0] >= HEARD_SECONDS * frame.sampleRate()) {
						heard.complete(null);
					}
				});
				Runtime.getRuntime().addShutdownHook(new Thread(() -> System.out.println("alice: audio peak " + peak[0])));
			}
			else {
				stream.addVideoSink((frame) -> {
					if (stream.getFramesDelivered() % 30 == 1) {
						System.out.println("alice: video frame " + frame.width() + "x" + frame.height());
					}
				});
			}
		});
		call.on(CallEvent.ERROR, (e) -> System.out.println("alice: error " + e.getCode() + " " + e.getMessage()));
		call.makeCall((r) -> System.out.println("alice: makeCall r=" + r.r() + " " + r.message() + " " + r.data()));

		connected.get(30, TimeUnit.SECONDS);
		heard.get(30, TimeUnit.SECONDS);
		CallStats stats = call.getStats().get();
		System.out.println("alice: received " + stats.bytesReceived() + " bytes; " + stats.inboundAudio().orElse(null));
		call.hangup((r) -> System.out.println("alice: hangup r=" + r.r()));
		ended.get(10, TimeUnit.SECONDS);
		alice.close();
		bob.close();
	}

	private static OnCallerClient connect(String server, String userId, AudioInput audio) throws Exception {
		OnCallerClient client = new OnCallerClient(server);
		client.setMediaOptions(MediaOptions.defaults().withAudio(audio).withVideo(VideoInput.testPattern()));
		CompletableFuture<Authen> authen = new CompletableFuture<>();
		client.on(ClientEvent.AUTHEN, authen::complete);
		client.connect(demoToken(server, userId));
		System.out.println(userId + ": authen " + authen.get(10, TimeUnit.SECONDS));
		return client;
	}

	/** A token from the server's demo mode; a real app gets it from its own server. */
	private static String demoToken(String server, String userId) throws Exception {
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(server + "/demo/token?userId=" + userId)).build(),
					HttpResponse.BodyHandlers.ofString());
		return (String) JsonMapper.builder().build().readValue(response.body(), Map.class).get("accessToken");
	}

}
