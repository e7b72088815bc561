package asia.oncaller.client;

import java.util.Map;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a request's reply, or why none came, into the {@link CallResult} of a callback, and calls
 * the application's callback so that one that throws cannot stop the event thread. Shared by the
 * client's and the calls' verbs.
 */
final class Replies {

	private static final Logger log = LoggerFactory.getLogger(Replies.class);

	private Replies() {
	}

	static CallResult result(Map<String, Object> reply, Throwable ex) {
		if (ex == null) {
			return CallResult.fromReply(reply);
		}
		Throwable cause = (ex.getCause() != null && !(ex instanceof OnCallerException)) ? ex.getCause() : ex;
		if (cause instanceof OnCallerException oe) {
			return new CallResult(oe.getCode(), oe.getMessage(), Map.of("error", oe.getError().name()));
		}
		return CallResult.of(OnCallerError.CONNECTION_LOST, cause.toString());
	}

	static void reply(Consumer<CallResult> callback, CallResult result) {
		if (callback == null) {
			return;
		}
		try {
			callback.accept(result);
		}
		catch (Throwable ex) {
			log.warn("A callback threw", ex);
		}
	}

}
