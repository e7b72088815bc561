package asia.oncaller.call;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import asia.oncaller.RepositoryTest;
import asia.oncaller.billing.Charge;
import asia.oncaller.billing.Grant;
import asia.oncaller.billing.Tariff;
import asia.oncaller.common.Sids;
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

	/**
	 * The one-statement answer and hangup decide who may act as {@link CallParties} does, for a
	 * call between two users and a user's call to themselves (caller on one connection, callee on
	 * the others), over STOMP (a connection) and REST (none), and for users of another project.
	 */
	@ParameterizedTest
	@CsvSource(nullValues = "null", value = { "bob, cb1, false", "bob, null, false", "bob, cb2, false",
			"alice, ca1, false", "alice, null, false", "alice, ca2, false", "carol, cc1, false", "bob, cb1, true",
			"alice, ca1, true" })
	void theOneStatementAnswerAndHangupLetActWhomCallPartiesLets(String user, String connection,
			boolean otherProject) {
		Project project = newProject();
		Party party = new Party(otherProject ? "prj-other" : project.getId(), project.getAccountId(), user, connection,
				"device");
		for (String callee : List.of("bob", "alice")) {
			// The callee answers on cb1 (bob) or ca2 (alice calling herself).
			String answeredOn = callee.equals("bob") ? "cb1" : "ca2";
			Call ringing = this.calls.saveAndFlush(newCall(project, Sids.newSid("call-"), callee, null));
			CallParties.Role role = CallParties.roleOf(ringing, party);
			Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);

			assertThat(this.calls.answerUnpriced(ringing.getId(), party, now).isPresent()).as("%s answers", party)
				.isEqualTo(role == CallParties.Role.CALLEE);

			Call unanswered = this.calls.saveAndFlush(newCall(project, Sids.newSid("call-"), callee, null));
			Optional<Call> canceled = this.calls.hangUpUnpriced(unanswered.getId(), party, now);
			assertThat(canceled.isPresent()).as("%s hangs up unanswered", party).isEqualTo(role == CallParties.Role.CALLER);
			canceled.ifPresent((call) -> assertThat(call).extracting(Call::getStatus, Call::getEndReason,
					Call::getSipCode, (c) -> c.money().billedSeconds(), (c) -> c.money().cost().signum())
				.containsExactly(CallState.ENDED, CallEnd.CANCELED.reason(), CallEnd.CANCELED.sipCode(), 0, 0));

			Call talking = this.calls.saveAndFlush(newCall(project, Sids.newSid("call-"), callee, null));
			Call answered = this.calls
				.markAnswered(talking.getId(), now.minusMillis(61_500), "device", answeredOn, Grant.unpriced(null))
				.orElseThrow();
			boolean mayEnd = role == CallParties.Role.CALLER
					|| (role == CallParties.Role.CALLEE && CallParties.isAnsweringDevice(answered, party));
			Optional<Call> ended = this.calls.hangUpUnpriced(talking.getId(), party, now);
			assertThat(ended.isPresent()).as("%s hangs up answered", party).isEqualTo(mayEnd);
			ended.ifPresent((call) -> assertThat(call).extracting(Call::getStatus, Call::getEndReason,
					Call::getSipCode, (c) -> c.money().billedSeconds(), (c) -> c.money().cost().signum())
				.containsExactly(CallState.ENDED, CallEnd.NORMAL.reason(), null, 62, 0));
		}
	}

	@Test
	void theOneStatementAnswerWritesTheGrantOfTheLongerPath() {
		Call placed = this.calls.saveAndFlush(newCall(newProject(), "call-one-statement-grant", "bob", 90));
		Party bob = new Party(placed.getProjectId(), placed.getAccountId(), "bob", "cb1", "b1");
		Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
		Grant grant = Grant.unpriced(90);

		Call answered = this.calls.answerUnpriced(placed.getId(), bob, now).orElseThrow();

		assertThat(answered.timing().connectDeadline()).isEqualTo(now.plusSeconds(grant.seconds()));
		assertThat(answered.money().grantedSeconds()).isEqualTo(grant.seconds());
		assertThat(answered.money().reservedAmount()).isEqualByComparingTo(grant.reserved());
		assertThat(answered.timing().lastSeenAt()).isEqualTo(now);
		assertThat(answered.parties().answeredDeviceId()).isEqualTo("b1");
		// Billed time never goes beyond the grant: 90 s, not the 100 s since the answer.
		assertThat(this.calls.hangUpUnpriced(placed.getId(), bob, now.plusSeconds(100))).get()
			.satisfies((call) -> assertThat(call.money().billedSeconds()).isEqualTo(90))
			.satisfies((call) -> assertThat(call.money().isBilled(CallCharging.chargeOf(call))).isTrue());
	}

	@Test
	void aPricedCallIsNeverAnsweredOrEndedByTheOneStatementVerbs() {
		Call placed = newCall(newProject(), "call-one-statement-priced", "bob", null);
		Call priced = Call.calling(placed.getId(),
				new Party(placed.getProjectId(), placed.getAccountId(), "alice", "ca1", "a1"), EndpointType.INTERNAL,
				connectTo("bob", 0), false,
				Money.of("USD", null, new Tariff(new BigDecimal("0.60"), 1, BigDecimal.ZERO), connectTo("bob", 0)),
				PhoneLine.NONE, Instant.now());
		this.calls.saveAndFlush(priced);
		Instant now = Instant.now();

		assertThat(this.calls.answerUnpriced(priced.getId(),
				new Party(priced.getProjectId(), priced.getAccountId(), "bob", "cb1", "b1"), now))
			.isEmpty();
		assertThat(this.calls.hangUpUnpriced(priced.getId(),
				new Party(priced.getProjectId(), priced.getAccountId(), "alice", "ca1", "a1"), now))
			.isEmpty();
		assertThat(this.calls.findById(priced.getId()).orElseThrow().getStatus()).isEqualTo(CallState.CALLING);
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

	/**
	 * alice, on connection ca1, calls {@code callee} in {@code project}: free, within
	 * {@code maxConnectSeconds} when not {@code null}.
	 */
	private Call newCall(Project project, String id, String callee, Integer maxConnectSeconds) {
		ConnectAction connect = connectTo(callee, (maxConnectSeconds != null) ? maxConnectSeconds : 0);
		return Call.calling(id, new Party(project.getId(), project.getAccountId(), "alice", "ca1", "a1"),
				EndpointType.INTERNAL, connect, false, Money.of("USD", null, null, connect), PhoneLine.NONE,
				Instant.now());
	}

	private Project newProject() {
		Account account = this.accounts.saveAndFlush(new Account("Acme", "USD"));
		return this.projects.saveAndFlush(new Project(account.getId(), "App"));
	}

	private static ConnectAction connectTo(String callee, int maxConnectSeconds) {
		return new ConnectAction(new Endpoint(Endpoint.INTERNAL, "alice", "Alice"),
				new Endpoint(Endpoint.INTERNAL, callee, null), null, 60,
				(maxConnectSeconds > 0) ? maxConnectSeconds : ConnectAction.UNLIMITED_CONNECT_TIME, true, false, null);
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
