package asia.oncaller.client;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Supplier;

import asia.oncaller.client.internal.media.DeviceProbe;
import asia.oncaller.client.internal.transport.StompTransport;
import asia.oncaller.client.internal.transport.Transport;

/**
 * A connection of one user (one device) to an OnCaller server: authenticates with a client
 * token, receives incoming calls, and carries the calls made with it. Reconnects by itself with
 * back-off after a dropped connection, unless {@link #disconnect()} was called. Every event and
 * callback of the client and its calls runs on the client's own event thread, one at a time, in
 * the order the server sent things.
 *
 * <p>
 * This class only checks arguments and delegates to its package-private runtime
 * ({@code ClientRuntime}), which never calls back here.
 *
 * <pre>{@code
 * OnCallerClient client = new OnCallerClient("ws://127.0.0.1:8080/ws");
 * client.on(ClientEvent.AUTHEN, a -> System.out.println("authen " + a.r() + " " + a.userId()));
 * client.on(ClientEvent.INCOMING_CALL, call -> call.answer(r -> {}));
 * client.connect(token);
 * }</pre>
 */
public class OnCallerClient implements AutoCloseable {

	/** The SDK version sent in CONNECT's {@code sdk-version} header. */
	public static final String SDK_VERSION = Connection.SDK_VERSION;

	final ClientSession session;

	private final ClientRuntime runtime;

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
		this.runtime = new ClientRuntime(this, serverAddrs.stream().map(OnCallerClient::webSocketUrl).toList(), transports,
				requestTimeout, (message) -> new OnCallerCall(this, message).runtime);
		this.session = this.runtime.session;
	}

	/**
	 * Connects and authenticates; {@code connect} and then {@code authen} follow (or
	 * {@code authen} with the refusal code, and {@code requestnewtoken} when it is 6).
	 * @param accessToken a client token signed by the application's server
	 */
	public void connect(String accessToken) {
		this.runtime.connect(accessToken);
	}

	/**
	 * Hangs up this client's calls (a call only ringing here is released, not rejected: another
	 * device may answer it), closes the connection and stops reconnecting.
	 * @return completes once the calls' media is released (waiting at most 3 s for the server's
	 * replies and the release) and the connection is closed
	 */
	public CompletableFuture<Void> disconnect() {
		return this.runtime.disconnect();
	}

	/**
	 * {@link #disconnect()}, then stops the client's threads. Waits up to 5 s unless called on the
	 * client's own event thread.
	 */
	@Override
	public void close() {
		this.runtime.close();
	}

	/**
	 * Sends a JSON object to every device of another user (their {@code custommessage} event).
	 * @param toUserId the user
	 * @param message any JSON object
	 * @param callback {@code r}: 0 ok · 5 target not online
	 */
	public void sendCustomMessage(String toUserId, Map<String, Object> message, Consumer<CallResult> callback) {
		this.runtime.sendCustomMessage(toUserId, message, callback);
	}

	/**
	 * Lists microphones, speakers and cameras. Never hangs: see {@link MediaDevicesReport}.
	 * @return what was found, and why not when nothing was
	 */
	public static MediaDevicesReport probeMediaDevices() {
		return DeviceProbe.report();
	}

	/**
	 * Registers a handler by event name (see {@link ClientEvent}).
	 * @throws IllegalArgumentException for an unknown name
	 */
	public OnCallerClient on(String event, Consumer<Object> handler) {
		if (ClientEvent.named(event) == null) {
			throw new IllegalArgumentException("Unknown client event '" + event + "'; see ClientEvent.ALL");
		}
		this.runtime.handlers.on(event, handler);
		return this;
	}

	/** Registers a typed handler, e.g. {@code on(ClientEvent.INCOMING_CALL, call -> ...)}. */
	@SuppressWarnings("unchecked")
	public <T> OnCallerClient on(ClientEvent<T> event, Consumer<? super T> handler) {
		this.runtime.handlers.on(event.name(), (Consumer<Object>) handler);
		return this;
	}

	/** Removes a handler registered with {@code on}. */
	public OnCallerClient off(String event, Consumer<?> handler) {
		this.runtime.handlers.off(event, handler);
		return this;
	}

	/** Adds a typed listener. */
	public OnCallerClient addListener(OnCallerClientListener listener) {
		this.runtime.handlers.addListener(listener);
		return this;
	}

	/** Removes a typed listener. */
	public OnCallerClient removeListener(OnCallerClientListener listener) {
		this.runtime.handlers.removeListener(listener);
		return this;
	}

	/** @return the authenticated user, {@code null} before {@code authen} */
	public String getUserId() {
		return this.session.userId();
	}

	/** @return whether the client is connected and authenticated */
	public boolean hasConnected() {
		return this.session.hasConnected();
	}

	/** @return the last successful {@code authen}, or {@code null} */
	public Authen getAuthen() {
		return this.session.authen();
	}

	/** @return this device's id (CONNECT {@code device-id}) */
	public String getDeviceId() {
		return this.session.deviceId;
	}

	/** @param deviceId a stable id of this device; set before {@code connect} (default: random per client) */
	public void setDeviceId(String deviceId) {
		this.session.deviceId = Objects.requireNonNull(deviceId, "deviceId");
	}

	/** @return the media options new calls start with */
	public MediaOptions getMediaOptions() {
		return this.session.mediaOptions;
	}

	/** @param options the media options new calls (outgoing and incoming) start with */
	public void setMediaOptions(MediaOptions options) {
		this.session.mediaOptions = Objects.requireNonNull(options, "options");
	}

	/** @return which ICE candidates new calls may use */
	public IceTransportPolicy getIceTransportPolicy() {
		return this.session.iceTransportPolicy;
	}

	/**
	 * @param policy which ICE candidates new calls (outgoing and incoming) may use: {@code RELAY}
	 * for media only through the TURN server the server hands out (default {@code ALL})
	 */
	public void setIceTransportPolicy(IceTransportPolicy policy) {
		this.session.iceTransportPolicy = Objects.requireNonNull(policy, "policy");
	}

	/** @param hook called before each connection attempt for the token to use; {@code null} to remove */
	public void setBeforeConnect(BeforeConnect hook) {
		this.runtime.connection.beforeConnect = hook;
	}

	/** @param reconnect whether to reconnect by itself after a lost connection (default true) */
	public void setReconnect(boolean reconnect) {
		this.runtime.connection.reconnect = reconnect;
	}

	/**
	 * @param callId a call id
	 * @return the live call of this client with that id, or {@code null}
	 */
	public OnCallerCall findCallByCallId(String callId) {
		CallRuntime call = this.session.calls.byId(callId);
		return (call != null) ? call.handlers.source() : null;
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
