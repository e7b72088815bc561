package asia.oncaller.e2e;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import asia.oncaller.client.Authen;
import asia.oncaller.client.ClientEvent;
import asia.oncaller.client.MediaOptions;
import asia.oncaller.client.OnCallerCall;
import asia.oncaller.client.OnCallerClient;

/**
 * One device of an app user: an {@link OnCallerClient} connected to the {@link E2eServer} (or,
 * for the browser tests, to the server they run) with a demo token. Incoming calls go to
 * {@link #onIncoming}, called inside the {@code incomingcall} handler, that is before the call's
 * media starts.
 */
final class TestUser implements AutoCloseable {

	final String userId;

	final OnCallerClient client;

	private volatile Consumer<OnCallerCall> onIncoming = (call) -> {
	};

	private TestUser(List<String> webSocketUrls, String userId, String deviceId, MediaOptions media) {
		this.userId = userId;
		this.client = new OnCallerClient(webSocketUrls);
		this.client.setDeviceId(deviceId);
		this.client.setMediaOptions(media);
		this.client.on(ClientEvent.INCOMING_CALL, (call) -> this.onIncoming.accept(call));
	}

	/** Connects {@code userId} as device {@code deviceId}, sending a tone at {@code hz}. */
	static TestUser connect(String userId, String deviceId, double hz) {
		return connect(userId, deviceId, MediaOptions.synthetic(hz));
	}

	/** Connects {@code userId} as device {@code deviceId} with the given media. */
	static TestUser connect(String userId, String deviceId, MediaOptions media) {
		return connectWithToken(userId, deviceId, media, E2eServer.get().token(userId));
	}

	/** Connects {@code userId} as device {@code deviceId} with a client token of any project. */
	static TestUser connectWithToken(String userId, String deviceId, MediaOptions media, String token) {
		return connectTo(E2eServer.get().webSocketUrl(), userId, deviceId, media, token);
	}

	/** Connects {@code userId} to a server of its own ({@link E2eServer#startWith}), with a demo token. */
	static TestUser connectTo(E2eServer server, String userId, MediaOptions media) {
		return connectTo(server.webSocketUrl(), userId, userId + "-device", media, server.token(userId));
	}

	/** Connects {@code userId} as device {@code deviceId} to the server at {@code webSocketUrl}. */
	static TestUser connectTo(String webSocketUrl, String userId, String deviceId, MediaOptions media, String token) {
		return connectTo(List.of(webSocketUrl), userId, deviceId, media, token);
	}

	/**
	 * Connects {@code userId} as device {@code deviceId} to the first of these servers; the client
	 * tries the next when one cannot be reached (the nodes of a cluster).
	 */
	static TestUser connectTo(List<String> webSocketUrls, String userId, String deviceId, MediaOptions media,
			String token) {
		TestUser user = new TestUser(webSocketUrls, userId, deviceId, media);
		CompletableFuture<Authen> authen = new CompletableFuture<>();
		user.client.on(ClientEvent.AUTHEN, authen::complete);
		user.client.connect(token);
		try {
			Authen result = authen.get(20, TimeUnit.SECONDS);
			if (!result.isSuccess()) {
				throw new AssertionError("authen of " + userId + ": " + result);
			}
		}
		catch (AssertionError ex) {
			throw ex;
		}
		catch (Exception ex) {
			throw new AssertionError("no authen for " + userId, ex);
		}
		return user;
	}

	static TestUser connect(String userId, double hz) {
		return connect(userId, userId + "-device", hz);
	}

	/** @param handler runs inside the {@code incomingcall} handler */
	TestUser onIncoming(Consumer<OnCallerCall> handler) {
		this.onIncoming = handler;
		return this;
	}

	/** Creates a probed outgoing call to {@code to} and places it. */
	CallProbe call(TestUser to, boolean video) {
		return call(to.userId, video);
	}

	/** Creates a probed outgoing call to the user {@code toUserId} and places it. */
	CallProbe call(String toUserId, boolean video) {
		OnCallerCall call = new OnCallerCall(this.client, this.userId, toUserId, video);
		CallProbe probe = new CallProbe(call);
		call.makeCall(probe.makeResult::complete);
		return probe;
	}

	@Override
	public void close() {
		this.client.close();
	}

	static Duration seconds(long s) {
		return Duration.ofSeconds(s);
	}

}
