package asia.oncaller.call;

import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

/**
 * One request to a verb as an adapter hands it to {@link CallRequestRunner}: the raw body, the
 * record it binds to, and the verb. What differs between STOMP and REST is said here, as values
 * (which limit admits it, which records to validate, whose project may see the call), so that
 * the runner alone decides the order of the steps and every result code they give.
 *
 * @param <T> the record the body binds to
 */
public final class CallRequest<T> {

	private static final BooleanSupplier ALWAYS = () -> true;

	final String origin;

	final Object body;

	final Class<T> type;

	final Function<T, CallResult> verb;

	BooleanSupplier admission = ALWAYS;

	Function<T, List<Validation>> validations = (request) -> List.of(Validation.of(Map.of(), request));

	String projectId;

	String callId;

	private CallRequest(String origin, Object body, Class<T> type, Function<T, CallResult> verb) {
		this.origin = origin;
		this.body = body;
		this.type = type;
		this.verb = verb;
	}

	/**
	 * A request whose body is validated as {@code type} alone.
	 * @param origin who sent it, for the log (a connection, or REST)
	 * @param body the JSON body: bytes or text; anything else is not JSON
	 */
	public static <T> CallRequest<T> of(String origin, Object body, Class<T> type, Function<T, CallResult> verb) {
		return new CallRequest<>(origin, body, type, verb);
	}

	/** Admitted only when the limit allows one more request; else {@code r=12}, checked before binding. */
	public CallRequest<T> admittedWhen(BooleanSupplier admission) {
		this.admission = admission;
		return this;
	}

	/** Validated as these groups instead, in order: the first group with a violation is the {@code r=10}. */
	public CallRequest<T> validatedAs(Function<T, List<Validation>> validations) {
		this.validations = validations;
		return this;
	}

	/**
	 * Answers a refusal ({@code r=11}) on a call outside the project as "no such call" ({@code r=1}),
	 * so a project token learns nothing of other projects' calls (PROTOCOL §5).
	 */
	public CallRequest<T> seenBy(String projectId, String callId) {
		this.projectId = projectId;
		this.callId = callId;
		return this;
	}

	/**
	 * Objects whose constraints are checked together, their violations named, sorted, in one
	 * message.
	 * @param renames property names to report under another name (the adapter's own field name)
	 */
	public record Validation(Map<String, String> renames, List<Object> objects) {

		public static Validation of(Map<String, String> renames, Object... objects) {
			return new Validation(renames, List.of(objects));
		}

	}

}
