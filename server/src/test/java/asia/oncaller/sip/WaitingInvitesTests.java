package asia.oncaller.sip;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The SIP side's overload measure: the wait of the oldest INVITE no worker has taken up yet. */
class WaitingInvitesTests {

	private static final long MS = 1_000_000L;

	private final WaitingInvites waiting = new WaitingInvites(Duration.ofMillis(300));

	@Test
	void overdueOnlyOnceTheOldestWaitingInviteWaitedTooLong() {
		assertThat(this.waiting.overdue(0)).isFalse();
		this.waiting.add(leg("a", 1000 * MS));
		this.waiting.add(leg("b", 1200 * MS));
		assertThat(this.waiting.overdue(1300 * MS)).isFalse();
		assertThat(this.waiting.overdue(1301 * MS)).isTrue();
	}

	@Test
	void aStartedInviteNoLongerCounts() {
		PhoneLeg first = leg("a", 1000 * MS);
		PhoneLeg second = leg("b", 1200 * MS);
		this.waiting.add(first);
		this.waiting.add(second);
		this.waiting.started(first);
		assertThat(this.waiting.overdue(1400 * MS)).isFalse();
		assertThat(this.waiting.overdue(1501 * MS)).isTrue();
		this.waiting.started(second);
		assertThat(this.waiting.overdue(9000 * MS)).isFalse();
	}

	private static PhoneLeg leg(String sipCallId, long takenAt) {
		PhoneLeg leg = new PhoneLeg(PhoneLeg.Direction.INBOUND, sipCallId, "tag-" + sipCallId, Runnable::run);
		leg.takenAt = takenAt;
		return leg;
	}

}
