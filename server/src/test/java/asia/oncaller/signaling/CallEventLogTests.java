package asia.oncaller.signaling;

import java.time.Duration;
import java.util.Map;

import asia.oncaller.call.Party;
import asia.oncaller.call.ResumeProperties;
import asia.oncaller.testsupport.MutableClock;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The numbering and keeping of call events for a replay, and the bounds on what is kept. */
class CallEventLogTests {

	private static final Party ALICE = new Party("p1", "acc1", "alice", "conn-2", "a1");

	private final MutableClock clock = new MutableClock();

	@Test
	void numbersPerCallAndDeviceAndReplaysWhatFollowsLastSeq() {
		CallEventLog log = log(100, 1_000_000);
		String alice = ClientPrincipal.nameOf("p1", "alice");
		assertThat(log.number("c1", alice, "a1", event("c1", "one"))).containsEntry("seq", 1L);
		assertThat(log.number("c1", alice, "a2", event("c1", "one"))).containsEntry("seq", 1L);
		assertThat(log.number("c2", alice, "a1", event("c2", "one"))).containsEntry("seq", 1L);
		assertThat(log.number("c1", alice, "a1", event("c1", "two"))).containsEntry("seq", 2L);
		assertThat(log.number("c1", alice, "a1", event("c1", "three"))).containsEntry("seq", 3L);

		assertThat(log.since("c1", ALICE, 1)).extracting((e) -> e.get("note")).containsExactly("two", "three");
		assertThat(log.since("c1", ALICE, 3)).isEmpty();
		assertThat(log.since("c1", new Party("p2", "acc2", "alice", "x", "a1"), 0)).as("another project's alice")
			.isEmpty();
	}

	@Test
	void aDeviceBackFromAnotherNodeIsNumberedOnFromItsLastSeq() {
		CallEventLog log = log(100, 1_000_000);
		String alice = ClientPrincipal.nameOf("p1", "alice");

		assertThat(log.since("c1", ALICE, 7)).as("nothing of the node it left is kept here").isEmpty();
		assertThat(log.number("c1", alice, "a1", event("c1", "next"))).containsEntry("seq", 8L);
		assertThat(log.since("c1", ALICE, 7)).extracting((e) -> e.get("note")).containsExactly("next");
	}

	@Test
	void keepsAtMostKeptEventsPerDeviceAndAboutKeptBytesInAll() {
		CallEventLog byCount = log(3, 1_000_000);
		String alice = ClientPrincipal.nameOf("p1", "alice");
		for (int i = 1; i <= 10; i++) {
			byCount.number("c1", alice, "a1", event("c1", "n" + i));
		}
		assertThat(byCount.since("c1", ALICE, 0)).extracting((e) -> e.get("seq")).containsExactly(8L, 9L, 10L);

		Map<String, Object> big = event("c1", "x".repeat(10_000));
		long bytes = CallEventLog.sizeOf(big);
		CallEventLog bySize = log(100, 3 * bytes);
		for (int i = 0; i < 10; i++) {
			bySize.number("c1", alice, "a1", event("c1", "x".repeat(10_000)));
		}
		// Numbering goes on whatever is kept; what is kept stays within the budget.
		assertThat(bySize.number("c1", alice, "a1", event("c1", "last"))).containsEntry("seq", 11L);
		assertThat(bySize.since("c1", ALICE, 0)).hasSizeLessThanOrEqualTo(3).isNotEmpty();
	}

	@Test
	void forgetsACallsEventsAtItsFinalEventAndItsNumberingAWindowAndAMinuteLater() {
		CallEventLog log = log(100, 1_000_000);
		String alice = ClientPrincipal.nameOf("p1", "alice");
		log.number("c1", alice, "a1", event("c1", "one"));
		log.number("c1", alice, "a1", Map.of("type", "signalingState", "callId", "c1", "code", 6));
		log.number("c2", alice, "a1", event("c2", "live"));

		assertThat(log.since("c1", ALICE, 0)).as("nothing to replay once the call is over").isEmpty();
		log.number("c1", alice, "a2", event("c1", "ringing here"));
		log.number("c1", alice, "a2", Map.of("type", "otherDevice", "callId", "c1", "code", 200));
		assertThat(log.since("c1", new Party("p1", "acc1", "alice", "conn-3", "a2"), 0))
			.as("answered on another device: over for this one").isEmpty();
		assertThat(log.number("c1", alice, "a1", event("c1", "late"))).as("the numbering goes on").containsEntry("seq",
				3L);

		this.clock.advance(Duration.ofSeconds(30 + 59));
		log.forget();
		assertThat(log.devicesKept()).isEqualTo(3);
		this.clock.advance(Duration.ofSeconds(2));
		log.forget();
		assertThat(log.devicesKept()).as("the live call stays").isEqualTo(1);
		assertThat(log.since("c2", ALICE, 0)).hasSize(1);
	}

	private CallEventLog log(int keptEvents, long keptBytes) {
		return new CallEventLog(new ResumeProperties(Duration.ofSeconds(30), null, keptEvents, keptBytes), this.clock);
	}

	private static Map<String, Object> event(String callId, String note) {
		return Map.of("type", "info", "callId", callId, "note", note);
	}

}
