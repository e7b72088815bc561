package asia.oncaller.client;

import java.util.List;

/**
 * The frozen list of a client's event names (PROTOCOL §6). Register by name or typed:
 *
 * <pre>{@code
 * client.on("incomingcall", c -> ((OnCallerCall) c).answer(r -> {}));
 * client.on(ClientEvent.INCOMING_CALL, call -> call.answer(r -> {}));
 * }</pre>
 *
 * @param <T> the payload type
 */
public final class ClientEvent<T> {

	/** {@code connect}: {@code client.on(ClientEvent.CONNECT, addr -> log("connected to " + addr))}. */
	public static final ClientEvent<String> CONNECT = new ClientEvent<>("connect", OnCallerClientListener::onConnect);

	/** {@code authen}: {@code client.on(ClientEvent.AUTHEN, a -> log(a.r() == 0 ? a.userId() : a.message()))}. */
	public static final ClientEvent<Authen> AUTHEN = new ClientEvent<>("authen", OnCallerClientListener::onAuthen);

	/** {@code disconnect}: {@code client.on(ClientEvent.DISCONNECT, reason -> ui.offline(reason))}. */
	public static final ClientEvent<String> DISCONNECT = new ClientEvent<>("disconnect",
			OnCallerClientListener::onDisconnect);

	/** {@code incomingcall}: {@code client.on(ClientEvent.INCOMING_CALL, call -> call.answer(r -> {}))}. */
	public static final ClientEvent<OnCallerCall> INCOMING_CALL = new ClientEvent<>("incomingcall",
			OnCallerClientListener::onIncomingCall);

	/** {@code requestnewtoken}: {@code client.on(ClientEvent.REQUEST_NEW_TOKEN, a -> client.connect(fetchToken()))}. */
	public static final ClientEvent<Authen> REQUEST_NEW_TOKEN = new ClientEvent<>("requestnewtoken",
			OnCallerClientListener::onRequestNewToken);

	/** {@code otherdeviceauthen}: {@code client.on(ClientEvent.OTHER_DEVICE_AUTHEN, d -> log(d.deviceId() + " " + d.status()))}. */
	public static final ClientEvent<OtherDeviceAuthen> OTHER_DEVICE_AUTHEN = new ClientEvent<>("otherdeviceauthen",
			OnCallerClientListener::onOtherDeviceAuthen);

	/** {@code custommessage}: {@code client.on(ClientEvent.CUSTOM_MESSAGE, m -> log(m.fromUserId() + ": " + m.message()))}. */
	public static final ClientEvent<CustomMessage> CUSTOM_MESSAGE = new ClientEvent<>("custommessage",
			OnCallerClientListener::onCustomMessage);

	/**
	 * {@code reconnecting}: the connection dropped (not {@code disconnect()}), with its reason; the client
	 * reconnects and live calls wait for it: {@code client.on(ClientEvent.RECONNECTING, r -> ui.banner("Reconnecting"))}.
	 */
	public static final ClientEvent<String> RECONNECTING = new ClientEvent<>("reconnecting",
			OnCallerClientListener::onReconnecting);

	/**
	 * {@code reconnected}: signed in again after a drop, and every waiting call has resumed or ended (no
	 * payload): {@code client.on(ClientEvent.RECONNECTED, x -> ui.hideBanner())}.
	 */
	public static final ClientEvent<Void> RECONNECTED = new ClientEvent<>("reconnected",
			(listener, client, payload) -> listener.onReconnected(client));

	/** Every client event, in the order above. */
	public static final List<ClientEvent<?>> ALL = List.of(CONNECT, AUTHEN, DISCONNECT, INCOMING_CALL, REQUEST_NEW_TOKEN,
			OTHER_DEVICE_AUTHEN, CUSTOM_MESSAGE, RECONNECTING, RECONNECTED);

	private final String name;

	private final Delivery<T> delivery;

	private ClientEvent(String name, Delivery<T> delivery) {
		this.name = name;
		this.delivery = delivery;
	}

	/** @return the lower-case event name */
	public String name() {
		return this.name;
	}

	/**
	 * @param name an event name
	 * @return the event, or {@code null} when no client event has that name
	 */
	public static ClientEvent<?> named(String name) {
		return ALL.stream().filter((e) -> e.name.equals(name)).findFirst().orElse(null);
	}

	void deliver(OnCallerClientListener listener, OnCallerClient client, T payload) {
		this.delivery.deliver(listener, client, payload);
	}

	@Override
	public String toString() {
		return this.name;
	}

	@FunctionalInterface
	interface Delivery<T> {

		void deliver(OnCallerClientListener listener, OnCallerClient client, T payload);

	}

}
