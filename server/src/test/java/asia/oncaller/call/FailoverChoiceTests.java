package asia.oncaller.call;

import asia.oncaller.call.FailoverChoice.Next;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * continueOnFail's choices without Spring or a database: a call fails over only when its connect
 * asks and the server allows any failover, and after a retarget the new callee rings when online,
 * else the chain goes on only while it is shorter than {@code oncaller.call.max-failovers}.
 */
class FailoverChoiceTests {

	@Test
	void callFailsOverOnlyWhenItsConnectAsksAndTheServerAllowsAny() {
		assertThat(FailoverChoice.mayFailOver(true, 3)).isTrue();
		assertThat(FailoverChoice.mayFailOver(true, 1)).isTrue();
		assertThat(FailoverChoice.mayFailOver(true, 0)).isFalse();
		assertThat(FailoverChoice.mayFailOver(false, 3)).isFalse();
	}

	@Test
	void onlineCalleeRingsWhateverTheChain() {
		assertThat(FailoverChoice.afterRetarget(true, failover(true, 3), 3)).isEqualTo(Next.RING);
		assertThat(FailoverChoice.afterRetarget(true, failover(false, 1), 3)).isEqualTo(Next.RING);
	}

	@Test
	void offlineCalleeFailsOverAgainWhileTheChainIsShorterThanTheBound() {
		assertThat(FailoverChoice.afterRetarget(false, failover(true, 1), 3)).isEqualTo(Next.FAIL_OVER_AGAIN);
		assertThat(FailoverChoice.afterRetarget(false, failover(true, 2), 3)).isEqualTo(Next.FAIL_OVER_AGAIN);
	}

	@Test
	void chainEndsAtTheBound() {
		assertThat(FailoverChoice.afterRetarget(false, failover(true, 3), 3)).isEqualTo(Next.END);
		assertThat(FailoverChoice.afterRetarget(false, failover(true, 4), 3)).isEqualTo(Next.END);
	}

	@Test
	void offlineCalleeOfAConnectWithoutContinueOnFailEndsTheCall() {
		assertThat(FailoverChoice.afterRetarget(false, failover(false, 1), 3)).isEqualTo(Next.END);
	}

	private static Failover failover(boolean continueOnFail, int failoverCount) {
		return new Failover(continueOnFail, continueOnFail ? "https://customer.example/fail" : null, null,
				failoverCount, null, null);
	}

}
