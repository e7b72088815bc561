package asia.oncaller.client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;

import asia.oncaller.client.internal.media.DeviceProbe;
import asia.oncaller.client.internal.signaling.Signaling;
import asia.oncaller.client.internal.transport.StompTransport;
import asia.oncaller.client.internal.transport.Transport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A connection of one user (one device) to an OnCaller server: authenticates with a client
 * token, receives incoming calls, and carries the calls made with it. Reconnects by itself with
 * back-off after a dropped connection, unless {@link #disconnect()} was called. Every event and
 * callback of the client and its calls runs on the client's own event thread, one at a time, in
 * the order the server sent things.
 *
 * <pre>{@code
 * OnCallerClient client = new OnCallerClient("ws://127.0.0.1:8080/ws");
 * client.on(ClientEvent.AUTHEN, a -> System.out.println("authen " + a.r() + " " + a.userId()));
 * client.on(ClientEvent.INCOMING_CALL, call -> call.answer(r -> {}));
 * client.connect(token);
 * }</pre>
 */
public class OnCallerClient implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(OnCallerClient.class);

	private static final AtomicInteger COUNTER = new AtomicInteger();

	/** The SDK version sent in CONNECT's {@code sdk-version} header. */
	public static final String SDK_VERSION = "java-0.1.0";

	private final List<String> servers;

	private final Supplier<Transport> transports;

	private final ScheduledThreadPoolExecutor events;

	private final Signaling signaling;

	private final EventHandlers<OnCallerClientListener> handlers = new EventHandlers<>();

	private final ClientCalls calls = new ClientCalls();

	private final Connection connection;

	private volatile String deviceId = "java-" + UUID.randomUUID();

	private volatile MediaOptions mediaOptions = MediaOptions.defaults();

	private volatile String userId;

	private volatile boolean hasConnected;

	private volatile Authen authen;

	/**
	 * A client of the server named by the system property {@code oncaller.server} or the
	 * environment variable {@code ONCALLER_SERVER}, else {@code ws://127.0.0.1:8080/ws} (the
	 * JavaScript SDK's no-argument constructor uses the server that served it instead).
	 */
	public OnCallerClient() {
		this(System.getProperty("oncaller.server",
				(System.getenv("ONCALLER_SERVER") != null) ? System.getenv("ONCALLER_SERVER") : "ws://127.0.0.1:8080/ws"));
	}

	/**
	 * @param serverAddress the server's WebSocket endpoint, e.g. {@code ws://127.0.0.1:8080/ws}
	 * ({@code http(s)://host:port} is turned into {@code ws(s)://host:port/ws})
	 */
	public OnCallerClient(String serverAddress) {
		this(List.of(serverAddress));
	}

	/**
	 * @param serverAddrs endpoints tried in turn when a connection fails
	 */
	public OnCallerClient(List<String> serverAddrs) {
		this(serverAddrs, StompTransport::new, Duration.ofSeconds(15));
	}

	OnCallerClient(List<String> serverAddrs, Supplier<Transport> transports, Duration requestTimeout) {
		if (serverAddrs == null || serverAddrs.isEmpty()) {
			throw new IllegalArgumentException("at least one server address is required");
		}
		this.servers = serverAddrs.stream().map(OnCallerClient::webSocketUrl).toList();
		this.transports = transports;
		int n = COUNTER.incrementAndGet();
		this.events = new ScheduledThreadPoolExecutor(1, (r) -> {
			Thread t = new Thread(r, "oncaller-client-" + n);
			t.setDaemon(true);
			return t;
		});
		this.events.setRemoveOnCancelPolicy(true);
		this.signaling = new Signaling(this::post, requestTimeout, this::onEvent);
		this.connection = new Connection(this);
	}

	/**
	 * Connects and authenticates; {@code connect} and then {@code authen} follow (or
	 * {@code authen} with the refusal code, and {@code requestnewtoken} when it is 6).
	 * @param accessToken a client token signed by the application's server
	 */
	public void connect(String accessToken) {
		post(() -> this.connection.start(accessToken));
	}

	/**
	 * Hangs up this client's calls (a call only ringing here is released, not rejected: another
	 * device may answer it), closes the connection and stops reconnecting.
	 * @return completes once the calls' media is released (waiting at most 3 s for the server's
	 * replies and the release) and the connection is closed
	 */
	public CompletableFuture<Void> disconnect() {
		CompletableFuture<Void> done = new CompletableFuture<>();
		post(() -> {
			List<CompletableFuture<Void>> hangups = new ArrayList<>();
			this.calls.live().forEach((call) -> hangups.add(call.control().endForDisconnect()));
			CompletableFuture.allOf(hangups.toArray(CompletableFuture[]::new))
				.completeOnTimeout(null, 3, TimeUnit.SECONDS)
				.whenComplete((v, ex) -> post(() -> {
					this.connection.stop("disconnect() called");
					done.complete(null);
				}));
		});
		return done;
	}

	/**
	 * {@link #disconnect()}, then stops the client's threads. Waits up to 5 s unless called on the
	 * client's own event thread.
	 */
	@Override
	public void close() {
		CompletableFuture<Void> done = disconnect().whenComplete((v, ex) -> this.events.shutdown());
		if (!Thread.currentThread().getName().startsWith("oncaller-client-")) {
			try {
				done.get(5, TimeUnit.SECONDS);
			}
			catch (Exception ex) {
				log.debug("close() did not finish within 5 s: {}", ex.toString());
				this.events.shutdown();
			}
		}
	}

	/**
	 * Sends a JSON object to every device of another user (their {@code custommessage} event).
	 * @param toUserId the user
	 * @param message any JSON object
	 * @param callback {@code r}: 0 ok · 5 target not online
	 */
	public void sendCustomMessage(String toUserId, Map<String, Object> message, Consumer<CallResult> callback) {
		post(() -> {
			if (toUserId == null || toUserId.isBlank() || message == null) {
				CallControl.reply(callback, CallResult.of(OnCallerError.INVALID_ARGUMENT, "toUserId and message are required"));
				return;
			}
			Map<String, Object> body = new LinkedHashMap<>();
			body.put("toUserId", toUserId);
			body.put("message", message);
			this.signaling.request("message.custom", body)
				.whenComplete((reply, ex) -> CallControl.reply(callback, CallControl.result(reply, ex)));
		});
	}

	/**
	 * Lists microphones, speakers and cameras. Never hangs: see {@link MediaDevicesReport}.
	 * @return what was found, and why not when nothing was
	 */
	public static MediaDevicesReport probeMediaDevices() {
		return DeviceProbe.report();
	}

	// ---- events

	/**
	 * Registers a handler by event name (see {@link ClientEvent}).
	 * @throws IllegalArgumentException for an unknown name
	 */
	public OnCallerClient on(String event, Consumer<Object> handler) {
		if (ClientEvent.named(event) == null) {
			throw new IllegalArgumentException("Unknown client event '" + event + "'; see ClientEvent.ALL");
		}
		this.handlers.on(event, handler);
		return this;
	}

	/** Registers a typed handler, e.g. {@code on(ClientEvent.INCOMING_CALL, call -> ...)}. */
	@SuppressWarnings("unchecked")
	public <T> OnCallerClient on(ClientEvent<T> event, Consumer<? super T> handler) {
		this.handlers.on(event.name(), (Consumer<Object>) handler);
		return this;
	}

	/** Removes a handler registered with {@code on}. */
	public OnCallerClient off(String event, Consumer<?> handler) {
		this.handlers.off(event, handler);
		return this;
	}

	/** Adds a typed listener. */
	public OnCallerClient addListener(OnCallerClientListener listener) {
		this.handlers.addListener(listener);
		return this;
	}

	/** Removes a typed listener. */
	public OnCallerClient removeListener(OnCallerClientListener listener) {
		this.handlers.removeListener(listener);
		return this;
	}

	<T> void emit(ClientEvent<T> event, T payload) {
		this.handlers.emit(event.name(), payload, (l) -> event.deliver(l, this, payload));
	}

	// ---- properties

	/** @return the authenticated user, {@code null} before {@code authen} */
	public String getUserId() {
		return this.userId;
	}

	/** @return whether the client is connected and authenticated */
	public boolean hasConnected() {
		return this.hasConnected;
	}

	/** @return the last successful {@code authen}, or {@code null} */
	public Authen getAuthen() {
		return this.authen;
	}

	/** @return this device's id (CONNECT {@code device-id}) */
	public String getDeviceId() {
		return this.deviceId;
	}

	/** @param deviceId a stable id of this device; set before {@code connect} (default: random per client) */
	public void setDeviceId(String deviceId) {
		this.deviceId = Objects.requireNonNull(deviceId, "deviceId");
	}

	/** @return the media options new calls start with */
	public MediaOptions getMediaOptions() {
		return this.mediaOptions;
	}

	/** @param options the media options new calls (outgoing and incoming) start with */
	public void setMediaOptions(MediaOptions options) {
		this.mediaOptions = Objects.requireNonNull(options, "options");
	}

	/** @param hook called before each connection attempt for the token to use; {@code null} to remove */
	public void setBeforeConnect(BeforeConnect hook) {
		this.connection.beforeConnect = hook;
	}

	/** @param reconnect whether to reconnect by itself after a lost connection (default true) */
	public void setReconnect(boolean reconnect) {
		this.connection.reconnect = reconnect;
	}

	/**
	 * @param callId a call id
	 * @return the live call of this client with that id, or {@code null}
	 */
	public OnCallerCall findCallByCallId(String callId) {
		return this.calls.byId(callId);
	}

	// ---- for the connection, the calls and the signaling layer

	List<String> servers() {
		return this.servers;
	}

	Supplier<Transport> transports() {
		return this.transports;
	}

	Signaling signaling() {
		return this.signaling;
	}

	ClientCalls calls() {
		return this.calls;
	}

	void authenticated(Authen authen) {
		this.authen = authen;
		this.userId = authen.userId();
		this.hasConnected = true;
	}

	void unauthenticated() {
		this.hasConnected = false;
	}

	void track(OnCallerCall call) {
		this.calls.track(call);
	}

	void register(OnCallerCall call) {
		this.calls.register(call);
	}

	void unregister(OnCallerCall call) {
		this.calls.unregister(call);
	}

	void unregisterLater(OnCallerCall call) {
		schedule(() -> this.calls.unregister(call), Duration.ofSeconds(10));
	}

	/** Runs {@code task} on the event thread (later, even when called from it). */
	void post(Runnable task) {
		try {
			this.events.execute(() -> {
				try {
					task.run();
				}
				catch (Throwable ex) {
					log.warn("An OnCaller task failed", ex);
				}
			});
		}
		catch (java.util.concurrent.RejectedExecutionException ex) {
			log.debug("The client is closed; dropping a task");
		}
	}

	ScheduledFuture<?> schedule(Runnable task, Duration delay) {
		try {
			return this.events.schedule(() -> post(task), delay.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (java.util.concurrent.RejectedExecutionException ex) {
			return null;
		}
	}

	static long backoffMillis(int attempt) {
		long base = 1000L << Math.min(attempt, 5);
		return Math.min(30_000, (long) (base * ThreadLocalRandom.current().nextDouble(0.8, 1.2)));
	}

	private void onEvent(Map<String, Object> message) {
		String type = String.valueOf(message.get("type"));
		switch (type) {
			case "incomingCall" -> incomingCall(message);
			case "customMessage" -> emit(ClientEvent.CUSTOM_MESSAGE, new CustomMessage(String.valueOf(message.get("fromUserId")),
					(message.get("message") instanceof Map<?, ?> m) ? castMap(m) : Map.of()));
			case "otherDeviceAuthen" -> emit(ClientEvent.OTHER_DEVICE_AUTHEN, new OtherDeviceAuthen(
					(String) message.get("status"), (String) message.get("connectionId"), (String) message.get("deviceId"),
					(String) message.get("platform")));
			default -> {
				OnCallerCall call = this.calls.byId((String) message.get("callId"));
				if (call != null) {
					ServerEvents.apply(call, type, message);
				}
				else {
					log.debug("No call for {}", message);
				}
			}
		}
	}

	private void incomingCall(Map<String, Object> message) {
		IncomingCall incoming = IncomingCall.of(message);
		if (incoming.callId() == null || this.calls.byId(incoming.callId()) != null) {
			return;
		}
		OnCallerCall call = new OnCallerCall(this, incoming);
		this.calls.register(call);
		emit(ClientEvent.INCOMING_CALL, call);
		call.control().startIncomingMedia();
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> castMap(Map<?, ?> map) {
		return (Map<String, Object>) map;
	}

	static String webSocketUrl(String address) {
		String url = Objects.requireNonNull(address, "server address").trim();
		if (url.startsWith("http://")) {
			url = "ws://" + url.substring(7);
		}
		else if (url.startsWith("https://")) {
			url = "wss://" + url.substring(8);
		}
		int pathStart = url.indexOf('/', url.indexOf("//") + 2);
		if (pathStart < 0 || pathStart == url.length() - 1) {
			url = ((pathStart < 0) ? url : url.substring(0, pathStart)) + "/ws";
		}
		return url;
	}

}
