package asia.oncaller.client;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;

import asia.oncaller.client.internal.transport.Transport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The client's connection life cycle, on its event thread: token (through the
 * {@link BeforeConnect} hook), CONNECT, {@code authen}, loss and reconnection with back-off.
 * Each attempt has a generation number; anything arriving from an older transport is ignored.
 */
final class Connection {

	private static final Logger log = LoggerFactory.getLogger(Connection.class);

	/** ERROR code 13: the server could not check the token now; try again after a back-off. */
	private static final int SERVER_ERROR = 13;

	private final OnCallerClient client;

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

	Connection(OnCallerClient client) {
		this.client = client;
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
		closeTransport();
		this.client.unauthenticated();
		this.client.calls().live().forEach((call) -> call.control().connectionLost(reason));
		if (wasOpen) {
			this.client.emit(ClientEvent.DISCONNECT, reason);
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
		tokenFuture.whenComplete((token, ex) -> this.client.post(() -> {
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
		String url = this.client.servers().get(this.serverIndex % this.client.servers().size());
		Map<String, String> headers = new LinkedHashMap<>();
		if (this.token != null) {
			headers.put("access-token", this.token);
		}
		headers.put("device-id", this.client.getDeviceId());
		headers.put("platform", "java");
		headers.put("sdk-version", OnCallerClient.SDK_VERSION);
		Transport next = this.client.transports().get();
		this.transport = next;
		this.client.signaling().use(next); // sends fail until CONNECTED: authen comes after it anyway
		next.connect(url, headers, new Listener(attempt)).whenComplete((v, ex) -> this.client.post(() -> {
			if (attempt != this.generation) {
				return;
			}
			if (ex == null) {
				this.client.emit(ClientEvent.CONNECT, url);
			}
			else if (!this.refused) {
				this.serverIndex++;
				failed("cannot connect to " + url + ": " + rootMessage(ex));
			}
		}));
	}

	private void failed(String reason) {
		closeTransport();
		this.client.emit(ClientEvent.DISCONNECT, reason);
		scheduleRetry();
	}

	private void scheduleRetry() {
		if (!this.wanted || !this.reconnect) {
			return;
		}
		long delay = OnCallerClient.backoffMillis(this.attempts++);
		log.debug("Reconnecting in {} ms", delay);
		this.retry = this.client.schedule(this::open, Duration.ofMillis(delay));
	}

	private void authen(Map<String, Object> message) {
		Authen authen = IncomingCall.authen(message);
		if (authen.isSuccess()) {
			this.attempts = 0;
			this.client.authenticated(authen);
		}
		this.client.emit(ClientEvent.AUTHEN, authen);
	}

	private void refused(int code, String message) {
		if (this.client.hasConnected() || code <= 0) {
			log.warn("Server error frame: {} {}", code, message);
			return;
		}
		this.refused = true;
		Authen authen = new Authen(code, message, null, null, null, this.client.getDeviceId(), null, null);
		this.client.emit(ClientEvent.AUTHEN, authen);
		if (code == 6) {
			this.client.emit(ClientEvent.REQUEST_NEW_TOKEN, authen);
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

	private void closed(String reason) {
		this.transport = null;
		this.client.unauthenticated();
		this.client.signaling().connectionLost();
		this.client.calls().live().forEach((call) -> call.control().connectionLost("Connection lost"));
		this.client.emit(ClientEvent.DISCONNECT, reason);
		scheduleRetry();
	}

	private void closeTransport() {
		Transport current = this.transport;
		this.transport = null;
		this.client.signaling().use(null);
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

	private static String rootMessage(Throwable ex) {
		Throwable root = ex;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return (root.getMessage() != null) ? root.getMessage() : root.toString();
	}

	private final class Listener implements Transport.Listener {

		private final int attempt;

		Listener(int attempt) {
			this.attempt = attempt;
		}

		@Override
		public void onAuthen(Map<String, Object> message) {
			when(() -> authen(message));
		}

		@Override
		public void onMessage(Map<String, Object> message) {
			when(() -> Connection.this.client.signaling().onMessage(message));
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
			Connection.this.client.post(() -> {
				if (this.attempt == Connection.this.generation) {
					task.run();
				}
			});
		}

	}

}
