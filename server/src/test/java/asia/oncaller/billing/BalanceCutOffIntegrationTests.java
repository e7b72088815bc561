package asia.oncaller.billing;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import asia.oncaller.TestTenants;
import asia.oncaller.billing.BalanceLedger;
import asia.oncaller.billing.BalanceTransaction;
import asia.oncaller.billing.Rate;
import asia.oncaller.billing.RateRepository;
import asia.oncaller.billing.RatedCallType;
import asia.oncaller.billing.TransactionKind;
import asia.oncaller.call.Call;
import asia.oncaller.call.CallState;
import asia.oncaller.call.Money;
import asia.oncaller.call.Timing;
import asia.oncaller.tenant.Project;
import asia.oncaller.testsupport.CallTestSupport;
import asia.oncaller.testsupport.StompTestClient;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Billing as the apps see it, over real WebSockets and PostgreSQL: a priced call is cut for both
 * legs when its balance runs out (6, "Not enough money", SIP 402) within a second, a hangup
 * charges the call in its record and ledger, and a live call is heartbeated while connected.
 */
class BalanceCutOffIntegrationTests extends CallTestSupport {

	@Autowired
	RateRepository rates;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	BalanceLedger ledger;

	@Test
	void callIsCutForBothLegsWhenTheBalanceRunsOut() throws Exception {
		// A cent a second and three cents: the call may last 3 s.
		Project poor = this.tenants.create(this.answerUrl.url(), new BigDecimal("0.03")).project;
		centASecond(poor);
		StompTestClient alice = device(poor, "alice", "a1");
		StompTestClient bob = device(poor, "bob", "b1");
		String callId = call(alice, "bob", 60);
		assertThat(bob.request("call.answer", body(callId))).containsEntry("r", 0);

		for (StompTestClient leg : new StompTestClient[] { alice, bob }) {
			assertThat(leg.await((m) -> isEnd(m, callId))).containsEntry("reason", "Not enough money")
				.containsEntry("sipCode", 402)
				.containsEntry("sipReason", "Not enough money");
		}

		Call call = record(callId);
		assertThat(call.getStatus()).isEqualTo(CallState.ENDED);
		assertThat(call.getEndReason()).isEqualTo("Not enough money");
		assertThat(call.getSipCode()).isEqualTo(402);
		Timing timing = call.timing();
		assertThat(Duration.between(timing.answeredAt(), timing.connectDeadline())).isEqualTo(Duration.ofSeconds(3));
		assertThat(Duration.between(timing.connectDeadline(), timing.endedAt())).isBetween(Duration.ZERO,
				Duration.ofSeconds(1));
		assertThat(call.money().billedSeconds()).isEqualTo(3);
		assertThat(call.money().cost()).isEqualByComparingTo("0.03");
		assertThat(this.ledger.balance(poor.getAccountId())).isEqualByComparingTo("0.00");
	}

	@Test
	void hangupChargesTheCallInItsRecordAndLedger() throws Exception {
		centASecond(this.project);
		String callId = talkedAndHungUp(this.jdbc, Duration.ofMillis(1500));

		Money money = record(callId).money();
		assertThat(money.billedSeconds()).isBetween(2, 3);
		assertThat(money.cost()).isEqualByComparingTo(new BigDecimal(money.billedSeconds()).movePointLeft(2));
		assertThat(money.currency()).isEqualTo("USD");
		assertThat(money.rateId()).startsWith("RT");
		BalanceTransaction charge = this.ledger.transactions(this.project.getAccountId(), null, 1).get(0);
		assertThat(charge.getKind()).isEqualTo(TransactionKind.CALL_CHARGE);
		assertThat(charge.getCallId()).isEqualTo(callId);
		assertThat(charge.getAmount()).isEqualByComparingTo(money.cost().negate());
		assertThat(this.ledger.balance(this.project.getAccountId()))
			.isEqualByComparingTo(new BigDecimal("10.00").subtract(money.cost()));
	}

	@Test
	void answeredCallIsMarkedAliveWhileItsConnectionsLast() throws Exception {
		StompTestClient alice = device("alice", "a1");
		StompTestClient bob = device("bob", "b1");
		String callId = call(alice, "bob", 60);
		assertThat(bob.request("call.answer", body(callId))).containsEntry("r", 0);
		Instant answeredAt = record(callId).timing().answeredAt();

		// The test configuration beats every second.
		Awaitility.await()
			.atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> assertThat(record(callId).timing().lastSeenAt()).isAfter(answeredAt));
		assertThat(record(callId).getStatus()).isEqualTo(CallState.ANSWERED);
	}

	private void centASecond(Project project) {
		this.rates.save(new Rate(project.getAccountId(), RatedCallType.INTERNAL, "", new BigDecimal("0.60"), 1, "USD"));
	}

	private static boolean isEnd(Map<String, Object> message, String callId) {
		return "signalingState".equals(message.get("type")) && callId.equals(message.get("callId"))
				&& Integer.valueOf(6).equals(message.get("code"));
	}

}
