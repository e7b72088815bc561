package asia.oncaller.client;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.awaitility.Awaitility;

/** Clients on {@link FakeTransport}s, and waiting helpers. */
final class ClientTestSupport {

	final List<FakeTransport> transports = new CopyOnWriteArrayList<>();

	final OnCallerClient client;

	/** What every fake authen adds, e.g. {@code resumeToken} and {@code resumeWindowSeconds}. */
	volatile Map<String, Object> authenFields = Map.of();

	ClientTestSupport(int... refusals) {
		int[] next = { 0 };
		this.client = new OnCallerClient(List.of("ws://127.0.0.1:1/ws"), () -> {
			int refuse = (next[0] < refusals.length) ? refusals[next[0]] : 0;
			next[0]++;
			FakeTransport transport = new FakeTransport(refuse, this.authenFields);
			this.transports.add(transport);
			return transport;
			// Short, so that the time-out test ends soon; long enough that a reply the test sends
			// arrives in time on a machine busy with other builds (500 ms was not).
		}, Duration.ofSeconds(2));
	}

	/** Connects with {@code token} and waits for a successful {@code authen}. */
	ClientTestSupport connected(String token) {
		CompletableFuture<Authen> authen = new CompletableFuture<>();
		this.client.on(ClientEvent.AUTHEN, authen::complete);
		this.client.connect(token);
		try {
			authen.get(5, TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			throw new AssertionError(ex);
		}
		return this;
	}

	/** Registers {@code call} with the client, as {@code makeCall}'s reply or {@code incomingCall} would. */
	void register(OnCallerCall call) {
		this.client.session.calls.register(call.runtime);
	}

	FakeTransport transport() {
		return this.transports.get(this.transports.size() - 1);
	}

	static void await(String what, BooleanSupplier condition) {
		Awaitility.await(what).atMost(Duration.ofSeconds(5)).until(condition::getAsBoolean);
	}

	static <T> T get(CompletableFuture<T> future) {
		try {
			return future.get(5, TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			throw new AssertionError(ex);
		}
	}

}
