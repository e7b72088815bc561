package asia.oncaller.call;

import java.math.BigDecimal;
import java.time.Instant;

import asia.oncaller.control.ConnectAction;
import asia.oncaller.control.Endpoint;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Why an answered call whose granted time ran out ends, without Spring or a database: its
 * maxConnectTime when the grant reached it, else its balance (SIP 402), and what a callee's
 * failure ends a call as when nothing fails over.
 */
class CallEndTests {

	@Test
	void grantThatReachedTheMaxConnectTimeEndsAsMaxConnectTime() {
		assertThat(CallEnd.grantRunOut(callWith(60, 60))).isEqualTo(CallEnd.MAX_CONNECT_TIME);
		assertThat(CallEnd.grantRunOut(callWith(60, 30))).isEqualTo(CallEnd.MAX_CONNECT_TIME);
	}

	@Test
	void grantShortOfTheMaxConnectTimeRanOutOfMoney() {
		CallEnd end = CallEnd.grantRunOut(callWith(59, 60));
		assertThat(end).isEqualTo(CallEnd.NOT_ENOUGH_MONEY);
		assertThat(end.sipCode()).isEqualTo(402);
	}

	@Test
	void grantOfACallWithNoMaxConnectTimeRanOutOfMoney() {
		assertThat(CallEnd.grantRunOut(callWith(600, null))).isEqualTo(CallEnd.NOT_ENOUGH_MONEY);
	}

	@Test
	void connectFailuresEndAsTheProtocolSays() {
		assertThat(ConnectFailure.of("busy").end()).isEqualTo(CallEnd.BUSY);
		assertThat(CallEnd.BUSY.state()).isEqualTo(CallState.BUSY);
		assertThat(CallEnd.BUSY.sipCode()).isEqualTo(486);
		assertThat(ConnectFailure.of("not_online").end()).isEqualTo(CallEnd.NOT_ONLINE);
		assertThat(ConnectFailure.of("no_answer").end()).isEqualTo(CallEnd.NO_ANSWER);
		assertThat(CallEnd.NO_ANSWER.sipCode()).isEqualTo(480);
	}

	private static Call callWith(Integer grantedSeconds, Integer maxConnectSeconds) {
		ConnectAction connect = new ConnectAction(new Endpoint(Endpoint.INTERNAL, "alice", null),
				new Endpoint(Endpoint.INTERNAL, "bob", null), null, 30,
				(maxConnectSeconds != null) ? maxConnectSeconds : ConnectAction.UNLIMITED_CONNECT_TIME, false, false,
				null);
		Money money = new Money("USD", "RT-1", new BigDecimal("0.60"), 1, BigDecimal.ZERO, BigDecimal.ONE,
				grantedSeconds, maxConnectSeconds, null, null);
		return Call.calling("CA-1", Party.withoutConnection("PR-1", "AC-1", "alice"), EndpointType.INTERNAL, connect,
				false, money, PhoneLine.NONE, Instant.now());
	}

}
