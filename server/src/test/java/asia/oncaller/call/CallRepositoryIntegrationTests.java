package asia.oncaller.call;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import asia.oncaller.RepositoryTest;
import asia.oncaller.billing.Grant;
import asia.oncaller.tenant.Account;
import asia.oncaller.tenant.AccountRepository;
import asia.oncaller.tenant.Project;
import asia.oncaller.tenant.ProjectRepository;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.orm.ObjectOptimisticLockingFailureException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A call row round-trips every field of the call record on real PostgreSQL; its version makes a
 * stale writer fail instead of overwriting a newer state, and the conditional state changes let
 * exactly one of two racing writers win.
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
		Call call = newCall("call-record-1");
		Instant answered = Instant.now().truncatedTo(ChronoUnit.MICROS);
		call.setFromUserId("alice");
		call.setVideoCall(true);
		call.setAnsweredDeviceId("device-b1");
		call.setAnsweredAt(answered);
		call.setStatus(CallState.ENDED);
		call.setEndedAt(answered.plusSeconds(61));
		call.setEndReason("Normal");
		call.setSipCode(200);
		call.setBilledSeconds(66);
		call.setCost(new BigDecimal("0.011000"));
		call.setCurrency("USD");
		call.setCustomData("{\"order\":42}");
		this.calls.saveAndFlush(call);
		this.entityManager.clear();

		Call read = this.calls.findById("call-record-1").orElseThrow();
		assertThat(read.getStatus()).isEqualTo(CallState.ENDED);
		assertThat(read.getDirection()).isEqualTo(CallDirection.APP_TO_APP);
		assertThat(read.getFromType()).isEqualTo(EndpointType.INTERNAL);
		assertThat(read.getToNumber()).isEqualTo("bob");
		assertThat(read.getToAlias()).isEqualTo("Bob");
		assertThat(read.isVideoCall()).isTrue();
		assertThat(read.getAnsweredAt()).isEqualTo(answered);
		assertThat(read.getEndedAt()).isEqualTo(answered.plusSeconds(61));
		assertThat(read.getBilledSeconds()).isEqualTo(66);
		assertThat(read.getCost()).isEqualByComparingTo("0.011");
		assertThat(read.getCustomData()).isEqualTo("{\"order\":42}");
	}

	@Test
	void liveCallsAreFoundByState() {
		this.calls.saveAndFlush(newCall("call-live-1"));
		Call ended = newCall("call-ended-1");
		ended.setStatus(CallState.ENDED);
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

		second.setStatus(CallState.ANSWERED);
		this.calls.saveAndFlush(second);
		first.setStatus(CallState.BUSY);

		assertThatExceptionOfType(ObjectOptimisticLockingFailureException.class)
			.isThrownBy(() -> this.calls.saveAndFlush(first));
	}

	@Test
	void secondAnswerOfTheSameCallLosesTheRace() {
		this.calls.saveAndFlush(newCall("call-answer-race"));
		Instant now = Instant.now();

		assertThat(this.calls.markAnswered("call-answer-race", now, "d1", "c1", Grant.unpriced(null))).get()
			.satisfies((call) -> assertThat(call.getAnsweredDeviceId()).isEqualTo("d1"))
			.satisfies((call) -> assertThat(call.getStatus()).isEqualTo(CallState.ANSWERED));
		assertThat(this.calls.markAnswered("call-answer-race", now, "d2", "c2", Grant.unpriced(null))).isEmpty();
		assertThat(this.calls.findById("call-answer-race").orElseThrow().getAnsweredDeviceId()).isEqualTo("d1");
	}

	@Test
	void endingOnlyMovesFromTheNamedStates() {
		this.calls.saveAndFlush(newCall("call-end-states"));
		Instant now = Instant.now();

		assertThat(this.calls.markEnded("call-end-states", List.of(CallState.ANSWERED), CallState.ENDED, now, "Ended",
				null))
			.isEmpty();
		assertThat(this.calls.markEnded("call-end-states", CallState.live(), CallState.BUSY, now, "Busy here", 486))
			.get()
			.satisfies((call) -> assertThat(call.getSipCode()).isEqualTo(486))
			.satisfies((call) -> assertThat(call.getEndedAt()).isNotNull());
		assertThat(this.calls.markEnded("call-end-states", CallState.live(), CallState.ENDED, now, "Ended", null))
			.isEmpty();
	}

	private Call newCall(String id) {
		Account account = this.accounts.saveAndFlush(new Account("Acme", "USD"));
		Project project = this.projects.saveAndFlush(new Project(account.getId(), "App"));
		Call call = new Call(id, account.getId(), project.getId(), CallDirection.APP_TO_APP);
		call.from(EndpointType.INTERNAL, "alice", "Alice");
		call.to(EndpointType.INTERNAL, "bob", "Bob");
		return call;
	}

}
