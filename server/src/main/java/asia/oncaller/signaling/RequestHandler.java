package asia.oncaller.signaling;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiFunction;

import asia.oncaller.call.CallRequest;
import asia.oncaller.call.CallRequestRunner;
import asia.oncaller.call.CallResult;
import asia.oncaller.call.Party;

import org.springframework.messaging.Message;
import org.springframework.stereotype.Component;

/**
 * The STOMP side of {@link CallRequestRunner}: hands it a request frame with the connection's
 * rate limits, and turns the result into the reply to the sending connection only. Binding,
 * validation and every result code are the runner's, the same as over REST.
 */
@Component
class RequestHandler {

	private final CallRequestRunner runner;

	private final RequestRateLimiter limiter;

	private final ClientMessenger messenger;

	RequestHandler(CallRequestRunner runner, RequestRateLimiter limiter, ClientMessenger messenger) {
		this.runner = runner;
		this.limiter = limiter;
		this.messenger = messenger;
	}

	/**
	 * Handles one request frame.
	 * @param replyOnSuccess false for the messages that PROTOCOL §3.1 answers only on failure
	 */
	<T> void handle(Message<?> frame, Class<T> type, BiFunction<Party, T, CallResult> verb, boolean replyOnSuccess) {
		ClientPrincipal user = ClientPrincipal.of(frame);
		CallRequest<T> request = CallRequest
			.of("connection " + user.connectionId(), frame.getPayload(), type,
					(bound) -> verb.apply(user.party(), bound))
			.admittedWhen(() -> this.limiter.tryAcquire(user));
		this.runner.run(request, (requestId, result) -> {
			if (!result.outcome().ok() || replyOnSuccess) {
				reply(user, requestId, result);
			}
			return null;
		});
	}

	private void reply(ClientPrincipal user, Object requestId, CallResult result) {
		Map<String, Object> reply = new LinkedHashMap<>();
		reply.put("type", "reply");
		reply.put("requestId", requestId);
		reply.put("r", result.r());
		reply.put("message", result.message());
		reply.putAll(result.data());
		this.messenger.toConnection(user.connectionId(), reply);
	}

}
