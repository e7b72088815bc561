package asia.oncaller.e2e;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import asia.oncaller.client.Authen;
import asia.oncaller.client.CallEvent;
import asia.oncaller.client.ClientEvent;
import asia.oncaller.client.MediaOptions;
import asia.oncaller.client.MediaState;
import asia.oncaller.client.OnCallerCall;
import asia.oncaller.client.OnCallerClient;
import asia.oncaller.client.internal.media.MediaSession;
import org.awaitility.Awaitility;

/**
 * Run in a child JVM by {@link CleanExitE2ETests}: two clients make a video call with media,
 * one side hangs up, both close, and {@code main} returns without {@code System.exit}. The JVM
 * can only end if no native WebRTC thread and no SDK thread is left.
 * <p>
 * Arguments: WebSocket URL, caller token, callee token, who hangs up ({@code caller} or
 * {@code callee}).
 */
public final class CallAndExit {

	private CallAndExit() {
	}

	public static void main(String[] args) throws Exception {
		OnCallerClient alice = client(args[0], args[1], 440);
		OnCallerClient bob = client(args[0], args[2], 660);
		AtomicReference<OnCallerCall> incoming = new AtomicReference<>();
		CompletableFuture<Void> bobMedia = new CompletableFuture<>();
		bob.on(ClientEvent.INCOMING_CALL, (call) -> {
			incoming.set(call);
			call.on(CallEvent.MEDIA_STATE, (m) -> {
				if (m.code() == MediaState.CONNECTED) {
					bobMedia.complete(null);
				}
			});
			call.answer((r) -> {
			});
		});
		OnCallerCall call = new OnCallerCall(alice, alice.getUserId(), bob.getUserId(), true);
		CompletableFuture<Void> aliceMedia = new CompletableFuture<>();
		call.on(CallEvent.MEDIA_STATE, (m) -> {
			if (m.code() == MediaState.CONNECTED) {
				aliceMedia.complete(null);
			}
		});
		call.makeCall((r) -> System.out.println("makeCall r=" + r.r()));
		CompletableFuture.allOf(aliceMedia, bobMedia).get(60, TimeUnit.SECONDS);
		System.out.println("MEDIA_CONNECTED sessions=" + MediaSession.openSessions());
		// Media flows (native threads busy both ways) before the hangup, which must stop all of it.
		// Polled on this thread: an await must leave no thread behind in this JVM.
		Awaitility.await("media flowing to alice").pollInSameThread().atMost(Duration.ofSeconds(20))
			.until(() -> call.getStats().get(5, TimeUnit.SECONDS).bytesReceived() > 8000);

		OnCallerCall hangsUp = "callee".equals(args[3]) ? incoming.get() : call;
		CompletableFuture<Integer> hangup = new CompletableFuture<>();
		long start = System.nanoTime();
		hangsUp.hangup((r) -> hangup.complete(r.r()));
		System.out.println("hangup r=" + hangup.get(20, TimeUnit.SECONDS));
		Awaitility.await("both calls ended and every media session released").pollInSameThread()
			.atMost(Duration.ofSeconds(20))
			.pollInterval(Duration.ofMillis(10))
			.until(() -> call.isEnded() && incoming.get().isEnded() && MediaSession.openSessions() == 0);
		System.out.println("RELEASED sessions=0 in " + (System.nanoTime() - start) / 1_000_000 + " ms");
		alice.close();
		bob.close();
		System.out.println("CLOSED");
	}

	private static OnCallerClient client(String url, String token, double hz) throws Exception {
		OnCallerClient client = new OnCallerClient(url);
		client.setMediaOptions(MediaOptions.synthetic(hz));
		CompletableFuture<Authen> authen = new CompletableFuture<>();
		client.on(ClientEvent.AUTHEN, authen::complete);
		client.connect(token);
		if (!authen.get(20, TimeUnit.SECONDS).isSuccess()) {
			throw new IllegalStateException("authen failed");
		}
		return client;
	}

}
