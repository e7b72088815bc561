package asia.oncaller.call;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import asia.oncaller.control.ConnectAction;
import asia.oncaller.control.Endpoint;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

/**
 * The one request path without Spring or a database: each step gives its own result code, the
 * reply comes before the verb's events, and a refusal on another project's call reads as no call.
 */
class CallRequestRunnerTests {

	private static final Validator validator = Validation.buildDefaultValidatorFactory().getValidator();

	private final CallRepository calls = mock(CallRepository.class);

	private final List<String> sent = new ArrayList<>();

	private final CallRequestRunner runner = new CallRequestRunner(JsonMapper.builder().build(), validator,
			this.calls, (deliveries) -> this.sent.add("events " + deliveries.size()));

	@Test
	void bodyThatIsNotJsonIsInvalidWithNoRequestId() {
		Answer answer = run(CallRequest.of("test", bytes("{"), CallRequests.CallId.class, this::ok));
		assertThat(answer.requestId()).isNull();
		assertThat(answer.result().message()).isEqualTo("Invalid request: the body is not JSON");
		assertThat(run(CallRequest.of("test", 42, CallRequests.CallId.class, this::ok)).result().r()).isEqualTo(10);
	}

	@Test
	void bodyThatIsNotAnObjectIsInvalid() {
		Answer answer = run(CallRequest.of("test", "[1]", CallRequests.CallId.class, this::ok));
		assertThat(answer.result().message()).isEqualTo("Invalid request: the body is not a JSON object");
		assertThat(run(CallRequest.of("test", null, CallRequests.CallId.class, this::ok)).result().r()).isEqualTo(10);
	}

	@Test
	void contentAfterTheObjectIsNotJson() {
		Answer answer = run(CallRequest.of("test", bytes("{\"requestId\":\"a\",\"callId\":\"c\"} {}"),
				CallRequests.CallId.class, this::ok));
		assertThat(answer.requestId()).isNull();
		assertThat(answer.result().message()).isEqualTo("Invalid request: the body is not JSON");
	}

	@Test
	void theRequestIdIsTheLastOneAtTheTopAndOnlyAStringOrNumber() {
		String nested = "{\"callId\":\"c\",\"x\":{\"requestId\":\"inner\"},\"requestId\":\"first\",\"requestId\":\"last\"}";
		assertThat(run(CallRequest.of("test", nested, CallRequests.CallId.class, this::ok)).requestId())
			.isEqualTo("last");
		String object = "{\"callId\":\"c\",\"requestId\":{\"id\":1}}";
		assertThat(run(CallRequest.of("test", object, CallRequests.CallId.class, this::ok)).requestId()).isNull();
		assertThat(run(CallRequest.of("test", "{\"callId\":\"c\",\"requestId\":2.5}", CallRequests.CallId.class,
				this::ok)).requestId()).isEqualTo(2.5);
	}

	@Test
	void floodIsRefusedBeforeBindingAndEchoesTheRequestId() {
		Answer answer = run(CallRequest.of("test", "{\"requestId\":7,\"callId\":12}", CallRequests.CallId.class,
				this::ok)
			.admittedWhen(() -> false));
		assertThat(answer.requestId()).isEqualTo(7);
		assertThat(answer.result().outcome()).isEqualTo(CallOutcome.RATE_LIMITED);
	}

	@Test
	void fieldOfTheWrongTypeIsNamed() {
		Answer answer = run(CallRequest.of("test", "{\"callId\":{\"id\":7}}", CallRequests.CallId.class, this::ok));
		assertThat(answer.result().message()).isEqualTo("Invalid request: callId has the wrong type");
	}

	@Test
	void firstGroupWithViolationsIsTheMessageUnderItsRenames() {
		CallRequest<CallRequests.Transfer> request = CallRequest
			.of("test", "{\"callId\":\"c\",\"userId\":\"\"}", CallRequests.Transfer.class, (bound) -> ok(null))
			.validatedAs((bound) -> List.of(CallRequest.Validation.of(Map.of("userId", "toUserId"), bound),
					CallRequest.Validation.of(Map.of(), new CallRequests.CallId(""))));
		assertThat(run(request).result().message()).isEqualTo("Invalid request: toUserId must not be blank");
	}

	@Test
	void bugIsAServerErrorAndChangesNothing() {
		Answer answer = run(CallRequest.of("test", "{\"callId\":\"c\"}", CallRequests.CallId.class, (bound) -> {
			throw new IllegalStateException("bug");
		}));
		assertThat(answer.result().outcome()).isEqualTo(CallOutcome.SERVER_ERROR);
	}

	@Test
	void replyComesBeforeTheEvents() {
		run(CallRequest.of("test", "{\"callId\":\"c\"}", CallRequests.CallId.class,
				(bound) -> CallResult.ok(List.of())));
		assertThat(this.sent).containsExactly("reply 0", "events 0");
	}

	@Test
	void refusalOnAnotherProjectsCallIsNoSuchCall() {
		ConnectAction connect = new ConnectAction(new Endpoint(Endpoint.INTERNAL, "alice", null),
				new Endpoint(Endpoint.INTERNAL, "bob", null), null, 60, ConnectAction.UNLIMITED_CONNECT_TIME, true,
				false, null);
		Call theirs = Call.calling("c", Party.withoutConnection("other", "account", "alice"), EndpointType.INTERNAL,
				connect, false, Money.of("USD", null, null, connect), PhoneLine.NONE, Instant.now());
		given(this.calls.findById("c")).willReturn(Optional.of(theirs));
		CallRequest<CallRequests.CallId> request = CallRequest
			.of("test", "{\"callId\":\"c\"}", CallRequests.CallId.class,
					(bound) -> CallResult.of(CallOutcome.NOT_ALLOWED))
			.seenBy("mine", "c");
		assertThat(run(request).result().outcome()).isEqualTo(CallOutcome.CALL_NOT_EXIST);
		assertThat(run(request.seenBy("other", "c")).result().outcome()).isEqualTo(CallOutcome.NOT_ALLOWED);
	}

	private CallResult ok(Object request) {
		return CallResult.of(CallOutcome.OK);
	}

	private Answer run(CallRequest<?> request) {
		return this.runner.run(request, (requestId, result) -> {
			this.sent.add("reply " + result.r());
			return new Answer(requestId, result);
		});
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	private record Answer(Object requestId, CallResult result) {
	}

}
