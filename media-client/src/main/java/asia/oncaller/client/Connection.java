package asia.oncaller.client;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

import asia.oncaller.client.internal.transport.Transport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The client's connection life cycle, on its event thread: token (through the
 * {@link BeforeConnect} hook), CONNECT, {@code authen}, loss and reconnection with back-off, and
 * the {@link CallResumer} told of each (a drop keeps the calls for their resume).
 * Each attempt has a generation number; anything arriving from an older transport is ignored.
 * It tells its {@link Listener} what happened and leaves the consequences (events, calls) to it.
 */
final class Connection {

	private static final Logger log = LoggerFactory.getLogger(Connection.class);

	/** Sent in CONNECT's {@code sdk-version} header; public as {@link OnCallerClient#SDK_VERSION}. */
	static final String SDK_VERSION = "java-0.1.0";

	/** ERROR code 13: the server could not check the token now; try again after a back-off. */
	private static final int SERVER_ERROR = 13;

	private final ClientSession session;

	private final List<String> servers;

	private final Supplier<Transport> transports;

	private final Listener listener;

	private final CallResumer resumer;

	volatile BeforeConnect beforeConnect;

	volatile boolean reconnect = true;

	private Transport transport;

	private String token;

	private boolean wanted;

	private int generation;

	private int attempts;

	private int serverIndex;

	private boolean refused;

	private ScheduledFuture<?> retry;

	Connection(ClientSession session, List<String> servers, Supplier<Transport> transports, Listener listener,
			CallResumer resumer) {
		this.session = session;
		this.servers = servers;
		this.transports = transports;
		this.listener = listener;
		this.resumer = resumer;
	}

	void start(String accessToken) {
		this.token = accessToken;
		this.wanted = true;
		this.attempts = 0;
		open();
	}

	void stop(String reason) {
		boolean wasOpen = this.transport != null;
		this.wanted = false;
		this.generation++;
		cancelRetry();
		closeTransport(); // DISCONNECT: the server ends the calls at once
		this.resumer.stop();
		this.listener.lost(reason);
		if (wasOpen) {
			this.listener.disconnected(reason);
		}
	}

	private void open() {
		if (!this.wanted) {
			return;
		}
		cancelRetry();
		closeTransport();
		int attempt = ++this.generation;
		this.refused = false;
		BeforeConnect hook = this.beforeConnect;
		CompletableFuture<String> tokenFuture = (hook == null) ? CompletableFuture.completedFuture(this.token)
				: CompletableFuture.supplyAsync(() -> {
					try {
						return hook.token(this.token);
					}
					catch (Exception ex) {
						throw new IllegalStateException("beforeConnect failed: " + ex.getMessage(), ex);
					}
				});
		tokenFuture.whenComplete((token, ex) -> this.session.events.post(() -> {
			if (attempt != this.generation || !this.wanted) {
				return;
			}
			if (ex != null) {
				failed(ex.getMessage());
				return;
			}
			this.token = token;
			connect(attempt);
		}));
	}

	private void connect(int attempt) {
		String url = this.servers.get(this.serverIndex % this.servers.size());
		Map<String, String> headers = new LinkedHashMap<>();
		if (this.token != null) {
			headers.put("access-token", this.token);
		}
		headers.put("device-id", this.session.deviceId);
		headers.put("platform", "java");
		headers.put("sdk-version", SDK_VERSION);
		this.resumer.addHeaders(headers);
		Transport next = this.transports.get();
		this.transport = next;
		this.session.signaling.use(next); // sends fail until CONNECTED: authen comes after it anyway
		next.connect(url, headers, new TransportListener(attempt))
			.whenComplete((v, ex) -> this.session.events.post(() -> {
				if (attempt != this.generation) {
					return;
				}
				if (ex == null) {
					this.listener.connected(url);
				}
				else if (!this.refused) {
					this.serverIndex++;
					failed("cannot connect to " + url + ": " + rootMessage(ex));
				}
			}));
	}

	private void failed(String reason) {
		closeTransport();
		this.listener.disconnected(reason);
		scheduleRetry();
	}

	private void scheduleRetry() {
		if (!this.wanted || !this.reconnect) {
			return;
		}
		long delay = backoffMillis(this.attempts++);
		log.debug("Reconnecting in {} ms", delay);
		this.retry = this.session.events.schedule(this::open, Duration.ofMillis(delay));
	}

	private void authen(Map<String, Object> message) {
		Authen authen = IncomingCall.authen(message);
		if (authen.isSuccess()) {
			this.attempts = 0;
		}
		this.listener.authen(authen);
		if (authen.isSuccess()) {
			this.resumer.signedIn(message);
		}
	}

	private void refused(int code, String message) {
		if (this.session.hasConnected() || code <= 0) {
			log.warn("Server error frame: {} {}", code, message);
			return;
		}
		this.refused = true;
		Authen authen = new Authen(code, message, null, null, null, this.session.deviceId, null, null);
		this.listener.authen(authen);
		if (code == 6) {
			this.listener.requestNewToken(authen);
		}
		closeTransport();
		if (code == 6 && this.beforeConnect != null) {
			scheduleRetry(); // the hook is asked for a new token
		}
		else if (code == SERVER_ERROR) {
			scheduleRetry(); // nothing wrong with the token: the server's database is away
		}
		else {
			this.wanted = false; // the same token would be refused again
		}
	}

	/** The connection dropped (no DISCONNECT): calls wait for their resume, unless they cannot. */
	private void closed(String reason) {
		this.transport = null;
		this.session.signaling.connectionLost();
		this.session.unauthenticated();
		this.listener.disconnected(reason);
		this.resumer.dropped(reason, this.wanted && this.reconnect);
		scheduleRetry();
	}

	private void closeTransport() {
		Transport current = this.transport;
		this.transport = null;
		this.session.signaling.use(null);
		if (current != null) {
			current.close();
		}
	}

	private void cancelRetry() {
		if (this.retry != null) {
			this.retry.cancel(false);
			this.retry = null;
		}
	}

	private static long backoffMillis(int attempt) {
		long base = 1000L << Math.min(attempt, 5);
		return Math.min(30_000, (long) (base * ThreadLocalRandom.current().nextDouble(0.8, 1.2)));
	}

	private static String rootMessage(Throwable ex) {
		Throwable root = ex;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return (root.getMessage() != null) ? root.getMessage() : root.toString();
	}

	/** What the connection tells the client, on the event thread. */
	interface Listener {

		/** CONNECTED came from {@code url}. */
		void connected(String url);

		/** An {@code authen} message, or a refusal on CONNECT (then without user). */
		void authen(Authen authen);

		/** The refusal was for an expired token (authen r=6). */
		void requestNewToken(Authen authen);

		/** The signed-in session is over: its calls end with {@code reason}. */
		void lost(String reason);

		/** The client is not connected (any more), for {@code reason}. */
		void disconnected(String reason);

	}

	private final class TransportListener implements Transport.Listener {

		private final int attempt;

		TransportListener(int attempt) {
			this.attempt = attempt;
		}

		@Override
		public void onAuthen(Map<String, Object> message) {
			when(() -> authen(message));
		}

		@Override
		public void onMessage(Map<String, Object> message) {
			when(() -> Connection.this.session.signaling.onMessage(message));
		}

		@Override
		public void onError(int code, String message) {
			when(() -> refused(code, message));
		}

		@Override
		public void onClosed(String reason) {
			when(() -> closed(reason));
		}

		private void when(Runnable task) {
			Connection.this.session.events.post(() -> {
				if (this.attempt == Connection.this.generation) {
					task.run();
				}
			});
		}

	}

}
