package asia.oncaller.sip;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import asia.oncaller.WebhookReceiver;
import asia.oncaller.billing.Rate;
import asia.oncaller.billing.RatedCallType;
import asia.oncaller.call.Call;
import asia.oncaller.call.CallDirection;
import asia.oncaller.call.CallState;
import asia.oncaller.call.EndpointType;
import asia.oncaller.numbers.PhoneNumber;
import asia.oncaller.testsupport.GreetingUploads;
import asia.oncaller.testsupport.RestClientForTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The record of a phone call that the server answers itself to run its SCCO's actions, every
 * part real (SIPp as the carrier, rtpengine, PostgreSQL, the number's event_url as an HTTP
 * server): one record from the admission on, answered at the server's 200 OK, closed once and
 * charged once by the account's INTERNAL rate, whoever ends it; a call the admission refuses gets
 * its SIP response and leaves nothing.
 */
class IvrCallRecordIntegrationTests extends PhoneCallTestSupport {

	/** 0.60 a minute in 1 s increments: a cent a second. */
	private static final BigDecimal PER_MINUTE = new BigDecimal("0.60");

	private WebhookReceiver numberEvents;

	@BeforeEach
	void numberWithEventUrlAndRate() throws Exception {
		inboundTrunk(null);
		this.numberEvents = new WebhookReceiver();
		PhoneNumber number = this.numbers.findByNumber(OUR_NUMBER).orElseThrow();
		number.setEventUrl(this.numberEvents.url());
		this.numbers.save(number);
		this.rates.save(new Rate(this.project.getAccountId(), RatedCallType.INTERNAL, "", PER_MINUTE, 1, "USD"));
		String token = this.tenants.accountToken(this.tenants.accountOf(this.project));
		assertThat(GreetingUploads.upload(this.port, token, "menu.wav", GreetingUploads.toneWav(1000, 1000))
			.statusCode()).isEqualTo(201);
	}

	@AfterEach
	void closeReceiver() {
		this.numberEvents.close();
	}

	@Test
	void anSccoThatPlaysAndHangsUpLeavesOneClosedRecordChargedOnceWithItsEvents() throws Exception {
		this.answerUrl.respond("""
				[{"action":"play","fileName":"menu.wav","bargeIn":false}]""");
		try (CarrierMedia phone = new CarrierMedia();
				SippProcess carrier = caller("uac-ivr-server-bye.xml").set("rtp_port", String.valueOf(phone.port()))
					.start()) {
			assertThat(carrier.exitCodeWithin(Duration.ofSeconds(15))).as(carrier.report()).isZero();
		}
		String callId = this.answerUrl.lastQuery().get("callId");
		Call call = endedOnce(callId);
		assertThat(call.getEndReason()).isEqualTo("Ended");
		// The menu is 1 s: answered at the 200 OK, ended at the BYE after it.
		assertThat(call.money().billedSeconds()).isBetween(1, 3);
		eventsOnTheNumbersEventUrl(callId);
		Map<String, Object> listed = new RestClientForTests(this.port, this.tenants.projectToken(this.project))
			.get("/v1/calls/" + callId)
			.body();
		assertThat(listed).containsEntry("callId", callId)
			.containsEntry("direction", "PHONE_TO_APP")
			.containsEntry("toType", "external")
			.containsEntry("toNumber", OUR_NUMBER)
			.containsEntry("fromNumber", PHONE)
			.containsEntry("status", "ENDED")
			.containsEntry("cost", call.money().cost().toPlainString());
	}

	@Test
	void theCarrierHangingUpDuringTheActionsClosesTheRecordOnceAndChargesIt() throws Exception {
		this.answerUrl.respond("""
				[{"action":"input","maxDigits":4,"timeout":30}]""");
		try (CarrierMedia phone = new CarrierMedia();
				SippProcess carrier = caller("uac-ivr.xml").set("rtp_port", String.valueOf(phone.port()))
					.set("hold_ms", "1500")
					.start()) {
			// Live, answered and counted from the 200 OK on, while the input waits.
			String callId = answeredByTheServer();
			assertThat(new RestClientForTests(this.port, this.tenants.projectToken(this.project))
				.get("/v1/calls/" + callId)
				.body()).containsEntry("status", "ANSWERED").containsEntry("durationSeconds", null);
			assertThat(carrier.exitCodeWithin(Duration.ofSeconds(10))).as(carrier.report()).isZero();
			Call call = endedOnce(callId);
			assertThat(call.money().billedSeconds()).isBetween(1, 3);
			eventsOnTheNumbersEventUrl(callId);
		}
	}

	@Test
	void aCallTheServerAnswersCountsAgainstTheAccountsCallsAtOnce() throws Exception {
		this.tenants.limitCalls(this.project, null, 1);
		this.answerUrl.respond("""
				[{"action":"input","maxDigits":4,"timeout":30}]""");
		try (CarrierMedia phone = new CarrierMedia();
				SippProcess first = caller("uac-ivr.xml").set("rtp_port", String.valueOf(phone.port()))
					.set("hold_ms", "4000")
					.start()) {
			String callId = answeredByTheServer();
			long calls = this.calls.count();
			try (SippProcess second = caller("uac-unavailable.xml").label("second").start()) {
				assertThat(second.exitCodeWithin(SIPP_EXIT)).as(second.report()).isZero();
			}
			assertThat(this.calls.count()).isEqualTo(calls);
			assertThat(first.exitCodeWithin(Duration.ofSeconds(10))).as(first.report()).isZero();
			endedOnce(callId);
		}
	}

	@Test
	void aCallTheBalanceCannotPayForGets402AndLeavesNoRecord() throws Exception {
		// The first increment (fee 20.00 and 1 s) is more than the 10.00 balance.
		this.rates.deleteAll(this.rates.findAll()
			.stream()
			.filter((rate) -> rate.getCallType() == RatedCallType.INTERNAL)
			.toList());
		Rate dear = new Rate(this.project.getAccountId(), RatedCallType.INTERNAL, "", PER_MINUTE, 1, "USD");
		dear.setConnectionFee(new BigDecimal("20.00"));
		this.rates.save(dear);
		this.answerUrl.respond("""
				[{"action":"play","fileName":"menu.wav","bargeIn":false}]""");
		long calls = this.calls.count();
		try (SippProcess carrier = caller("uac-payment-required.xml").start()) {
			assertThat(carrier.exitCodeWithin(SIPP_EXIT)).as(carrier.report()).isZero();
		}
		String callId = this.answerUrl.lastQuery().get("callId");
		assertThat(this.calls.findById(callId)).isEmpty();
		assertThat(this.calls.count()).isEqualTo(calls);
		assertThat(this.jdbc.queryForObject("select count(*) from balance_transaction where call_id = ?", Long.class,
				callId)).isZero();
		await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2))
			.until(() -> this.numberEvents.requests().isEmpty());
	}

	/** The call the answer_url was asked about, once the server has answered it. */
	private String answeredByTheServer() {
		String callId = await().atMost(Duration.ofSeconds(5))
			.until(() -> this.answerUrl.lastQuery().get("callId"), (id) -> id != null);
		await().atMost(Duration.ofSeconds(5))
			.until(() -> this.calls.findById(callId).map(Call::getStatus).orElse(null) == CallState.ANSWERED);
		return callId;
	}

	/**
	 * The call's one record, final, answered by the server, with one ledger charge of its cost
	 * (a cent a billed second).
	 */
	private Call endedOnce(String callId) {
		await().atMost(Duration.ofSeconds(5)).until(() -> record(callId).getStatus().isFinal());
		Call call = record(callId);
		assertThat(call.getStatus()).isEqualTo(CallState.ENDED);
		assertThat(call.getDirection()).isEqualTo(CallDirection.PHONE_TO_APP);
		assertThat(call.parties().to().type()).isEqualTo(EndpointType.EXTERNAL);
		assertThat(call.parties().to().number()).isEqualTo(OUR_NUMBER);
		assertThat(call.parties().toUserId()).isNull();
		assertThat(call.phoneLine().sipCallId()).isNotNull();
		assertThat(call.timing().answeredAt()).isNotNull();
		assertThat(call.money().cost())
			.isEqualByComparingTo(PER_MINUTE.multiply(BigDecimal.valueOf(call.money().billedSeconds()))
				.divide(BigDecimal.valueOf(60)));
		List<BigDecimal> charges = this.jdbc.queryForList(
				"select -amount from balance_transaction where call_id = ? and kind = 'CALL_CHARGE'", BigDecimal.class,
				callId);
		assertThat(charges).singleElement().satisfies((charge) -> assertThat(charge).isEqualByComparingTo(call.money().cost()));
		return call;
	}

	private void eventsOnTheNumbersEventUrl(String callId) {
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(this.numberEvents.delivered())
				.extracting((request) -> request.json().get("type"))
				.containsExactly("created", "answered", "ended"));
		assertThat(this.numberEvents.delivered())
			.allSatisfy((request) -> assertThat(request.json()).containsEntry("callId", callId));
	}

}
