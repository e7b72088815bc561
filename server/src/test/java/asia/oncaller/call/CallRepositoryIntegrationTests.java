package asia.oncaller.call;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import asia.oncaller.RepositoryTest;
import asia.oncaller.billing.Charge;
import asia.oncaller.billing.Grant;
import asia.oncaller.control.ConnectAction;
import asia.oncaller.control.Endpoint;
import asia.oncaller.tenant.Account;
import asia.oncaller.tenant.AccountRepository;
import asia.oncaller.tenant.Project;
import asia.oncaller.tenant.ProjectRepository;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.orm.ObjectOptimisticLockingFailureException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A call row round-trips every field of the call record on real PostgreSQL; its version makes a
 * stale writer fail instead of overwriting a newer state, and the conditional state changes let
 * exactly one of two racing writers win and only ever move a call forward.
 */
@RepositoryTest
class CallRepositoryIntegrationTests {

	@Autowired
	AccountRepository accounts;

	@Autowired
	ProjectRepository projects;

	@Autowired
	CallRepository calls;

	@Autowired
	EntityManager entityManager;

	@Test
	void endedCallRoundTripsAsARecord() {
		Instant answered = Instant.now().truncatedTo(ChronoUnit.MICROS);
		this.calls.saveAndFlush(newCall("call-record-1", true, "{\"order\":42}"));
		this.calls.markAnswered("call-record-1", answered, "device-b1", "connection-b1", Grant.unpriced(null));
		this.calls.markEnded("call-record-1", CallState.live(), CallState.ENDED, answered.plusSeconds(61), "Normal",
				200, new Charge(66, new BigDecimal("0.011000")));
		this.entityManager.clear();

		Call read = this.calls.findById("call-record-1").orElseThrow();
		assertThat(read.getStatus()).isEqualTo(CallState.ENDED);
		assertThat(read.getDirection()).isEqualTo(CallDirection.APP_TO_APP);
		assertThat(read.parties().fromType()).isEqualTo(EndpointType.INTERNAL);
		assertThat(read.parties().toNumber()).isEqualTo("bob");
		assertThat(read.parties().toAlias()).isEqualTo("Bob");
		assertThat(read.isVideoCall()).isTrue();
		assertThat(read.timing().answeredAt()).isEqualTo(answered);
		assertThat(read.timing().endedAt()).isEqualTo(answered.plusSeconds(61));
		assertThat(read.money().billedSeconds()).isEqualTo(66);
		assertThat(read.money().cost()).isEqualByComparingTo("0.011");
		assertThat(read.getCustomData()).isEqualTo("{\"order\":42}");
	}

	@Test
	void liveCallsAreFoundByState() {
		this.calls.saveAndFlush(newCall("call-live-1"));
		Call ended = newCall("call-ended-1");
		ended.endAtOnce(CallEnd.NORMAL, Instant.now());
		this.calls.saveAndFlush(ended);

		assertThat(this.calls.findByStatusIn(CallState.live())).extracting(Call::getId)
			.contains("call-live-1")
			.doesNotContain("call-ended-1");
	}

	@Test
	void staleWriterLosesToTheNewerVersion() {
		this.calls.saveAndFlush(newCall("call-race-1"));
		this.entityManager.clear();
		Call first = this.calls.findById("call-race-1").orElseThrow();
		this.entityManager.detach(first);
		Call second = this.calls.findById("call-race-1").orElseThrow();
		this.entityManager.detach(second);

		second.failOverAt(ConnectFailure.BUSY, Instant.now());
		this.calls.saveAndFlush(second);
		first.failOverAt(ConnectFailure.NOT_ONLINE, Instant.now());

		assertThatExceptionOfType(ObjectOptimisticLockingFailureException.class)
			.isThrownBy(() -> this.calls.saveAndFlush(first));
	}

	@Test
	void aTransitionReturnsTheEventUrlsAsTheProjectHasThemNow() {
		Call placed = this.calls.saveAndFlush(newCall("call-event-urls"));
		Project project = this.projects.findById(placed.getProjectId()).orElseThrow();
		assertThat(CallSnapshot.of(placed).eventUrls()).isNull();

		assertThat(this.calls.markRinging("call-event-urls", Instant.now())).get()
			.satisfies((call) -> assertThat(CallSnapshot.of(call).eventUrls())
				.isEqualTo(new CallSnapshot.EventUrls(null, null)));
		project.setEventUrl("http://127.0.0.1:9/events");
		this.projects.saveAndFlush(project);
		assertThat(this.calls.markEnded("call-event-urls", CallState.live(), CallState.ENDED, Instant.now(), "Ended",
				null, Charge.NONE))
			.get()
			.satisfies((call) -> assertThat(CallSnapshot.of(call).eventUrls())
				.isEqualTo(new CallSnapshot.EventUrls(null, "http://127.0.0.1:9/events")));
	}

	@Test
	void secondAnswerOfTheSameCallLosesTheRace() {
		this.calls.saveAndFlush(newCall("call-answer-race"));
		Instant now = Instant.now();

		assertThat(this.calls.markAnswered("call-answer-race", now, "d1", "c1", Grant.unpriced(null))).get()
			.satisfies((call) -> assertThat(call.parties().answeredDeviceId()).isEqualTo("d1"))
			.satisfies((call) -> assertThat(call.getStatus()).isEqualTo(CallState.ANSWERED));
		assertThat(this.calls.markAnswered("call-answer-race", now, "d2", "c2", Grant.unpriced(null))).isEmpty();
		assertThat(this.calls.findById("call-answer-race").orElseThrow().parties().answeredDeviceId()).isEqualTo("d1");
	}

	@Test
	void endingOnlyMovesFromTheNamedStates() {
		this.calls.saveAndFlush(newCall("call-end-states"));
		Instant now = Instant.now();

		assertThat(this.calls.markEnded("call-end-states", List.of(CallState.ANSWERED), CallState.ENDED, now, "Ended",
				null, Charge.NONE))
			.isEmpty();
		assertThat(this.calls.markEnded("call-end-states", CallState.live(), CallState.BUSY, now, "Busy here", 486,
				Charge.NONE))
			.get()
			.satisfies((call) -> assertThat(call.getSipCode()).isEqualTo(486))
			.satisfies((call) -> assertThat(call.timing().endedAt()).isNotNull());
		assertThat(
				this.calls.markEnded("call-end-states", CallState.live(), CallState.ENDED, now, "Ended", null, Charge.NONE))
			.isEmpty();
	}

	/**
	 * The call's state machine is the guards of the conditional updates: a state change only goes
	 * forward, and BUSY and ENDED are final. (Back to CALLING is a failover's retarget only.)
	 */
	@ParameterizedTest(name = "{0} -> {1}: {2}")
	@CsvSource({ "CALLING,RINGING,true", "CALLING,ANSWERED,true", "CALLING,BUSY,true", "CALLING,ENDED,true",
			"RINGING,RINGING,false", "RINGING,ANSWERED,true", "RINGING,BUSY,true", "RINGING,ENDED,true",
			"ANSWERED,RINGING,false", "ANSWERED,ANSWERED,false", "ANSWERED,BUSY,false", "ANSWERED,ENDED,true",
			"BUSY,RINGING,false", "BUSY,ANSWERED,false", "BUSY,BUSY,false", "BUSY,ENDED,false", "ENDED,RINGING,false",
			"ENDED,ANSWERED,false", "ENDED,BUSY,false", "ENDED,ENDED,false" })
	void stateChangesOnlyGoForward(CallState from, CallState to, boolean moves) {
		String id = "call-states-" + from + "-" + to;
		this.calls.saveAndFlush(newCall(id));
		if (from != CallState.CALLING) {
			assertThat(move(id, from)).isTrue();
		}

		assertThat(move(id, to)).isEqualTo(moves);
		assertThat(this.calls.findById(id).orElseThrow().getStatus()).isEqualTo(moves ? to : from);
	}

	/** The conditional update that moves a call to {@code state}, as the verbs use it. */
	private boolean move(String id, CallState state) {
		Instant now = Instant.now();
		return switch (state) {
			case RINGING -> this.calls.markRinging(id, now).isPresent();
			case ANSWERED -> this.calls.markAnswered(id, now, "d1", "c1", Grant.unpriced(null)).isPresent();
			case BUSY -> this.calls.markRejected(id, now, CallEnd.BUSY.reason(), CallEnd.BUSY.sipCode(), Charge.NONE)
				.isPresent();
			case ENDED -> this.calls.markEnded(id, CallState.live(), CallState.ENDED, now, "Ended", null, Charge.NONE)
				.isPresent();
			case CALLING -> throw new IllegalArgumentException("A call only calls again when it fails over");
		};
	}

	private Call newCall(String id) {
		return newCall(id, false, null);
	}

	/** alice calls bob, with the SCCO's customData, in the currency of a fresh account. */
	private Call newCall(String id, boolean video, String customData) {
		Account account = this.accounts.saveAndFlush(new Account("Acme", "USD"));
		Project project = this.projects.saveAndFlush(new Project(account.getId(), "App"));
		ConnectAction connect = new ConnectAction(new Endpoint(Endpoint.INTERNAL, "alice", "Alice"),
				new Endpoint(Endpoint.INTERNAL, "bob", "Bob"), customData, 60, ConnectAction.UNLIMITED_CONNECT_TIME,
				true, false, null);
		return Call.calling(id, Party.withoutConnection(project.getId(), account.getId(), "alice"),
				EndpointType.INTERNAL, connect, video, Money.of("USD", null, null, connect), PhoneLine.NONE,
				Instant.now());
	}

}
