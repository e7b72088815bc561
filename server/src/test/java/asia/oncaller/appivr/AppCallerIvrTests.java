package asia.oncaller.appivr;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

import asia.oncaller.control.Scco;
import asia.oncaller.testsupport.MutableClock;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A node forgets the app callers that never offered, also when another node's sweep ended their
 * calls and this one heard of no end: a caller placing calls it never answers costs this node
 * bounded memory. Only admissions are involved: no runner, media or database is touched.
 */
class AppCallerIvrTests {

	private final MutableClock clock = new MutableClock();

	private final AppCallerIvr ivr = new AppCallerIvr(null, null, null, this.clock);

	@Test
	void callersThatNeverOfferedAreForgottenOnceTheirCallsAreLongOver() {
		IntStream.range(0, 1000).forEach((i) -> admit("call-" + i));
		this.clock.advance(AppCallerIvr.UNANSWERED_KEPT.minusSeconds(1));
		admit("recent");
		assertThat(this.ivr.held()).isEqualTo(1001);
		this.clock.advance(Duration.ofSeconds(1));
		admit("newest");
		assertThat(this.ivr.held()).isEqualTo(2);
		this.clock.advance(AppCallerIvr.UNANSWERED_KEPT);
		admit("last");
		assertThat(this.ivr.held()).isEqualTo(1);
	}

	@Test
	void aCallerNotYetAnsweredIsStillThereForItsOffer() {
		admit("call-1");
		this.clock.advance(Duration.ofSeconds(30));
		admit("call-2");
		assertThat(this.ivr.held()).isEqualTo(2);
	}

	private void admit(String callId) {
		this.ivr.admitted(callId, new Scco(List.of()), "AC1", "secret");
	}

}
