package asia.oncaller.webhook;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import asia.oncaller.WebhookReceiver;
import asia.oncaller.billing.Rate;
import asia.oncaller.billing.RateRepository;
import asia.oncaller.billing.RatedCallType;
import asia.oncaller.call.Money;
import asia.oncaller.tenant.ProjectRepository;
import asia.oncaller.testsupport.CallTestSupport;
import asia.oncaller.testsupport.StompTestClient;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A call over real WebSockets, heard by the project's event_url on a real HTTP server: one event
 * per state, in order, numbered, signed by the documented recipe (and so is the answer_url
 * request); the ended event carries what the call was charged; a slow event_url does not slow
 * calls down.
 */
class WebhookEventsIntegrationTests extends CallTestSupport {

	@Autowired
	ProjectRepository projects;

	@Autowired
	RateRepository rates;

	@Autowired
	JdbcTemplate jdbc;

	WebhookReceiver receiver;

	@BeforeEach
	void pointEventUrlAtReceiver() throws Exception {
		this.receiver = new WebhookReceiver();
		this.project.setEventUrl(this.receiver.url());
		this.projects.save(this.project);
	}

	@AfterEach
	void closeReceiver() {
		this.receiver.close();
	}

	@Test
	void everyStateArrivesOnceInOrderAndSigned() throws Exception {
		StompTestClient alice = device("alice", "a1");
		StompTestClient bob = device("bob", "b1");
		String callId = call(alice, "bob", 60);
		bob.request("call.ringing", body(callId));
		bob.request("call.answer", body(callId));
		alice.request("call.dtmf", body(callId, "digits", "1#"));
		alice.request("call.hangup", body(callId));

		Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> this.receiver.delivered().size() >= 5);
		// And no duplicate after them.
		Awaitility.await()
			.during(Duration.ofMillis(600))
			.atMost(Duration.ofSeconds(2))
			.until(() -> this.receiver.delivered().size() == 5);
		List<WebhookReceiver.Request> events = this.receiver.delivered();
		assertThat(events).extracting((e) -> e.json().get("type"))
			.containsExactly("created", "ringing", "answered", "dtmf", "ended");
		assertThat(events).extracting((e) -> e.json().get("sequence")).containsExactly(1, 2, 3, 4, 5);
		assertThat(events).extracting((e) -> e.json().get("eventId")).doesNotHaveDuplicates();
		assertThat(events).allSatisfy((e) -> {
			assertThat(e.json()).containsEntry("callId", callId)
				.containsEntry("projectId", this.project.getId())
				.containsEntry("accountId", this.project.getAccountId())
				.containsKey("timestamp");
			assertThat(e.headers()).containsEntry("x-oncaller-event-id", (String) e.json().get("eventId"));
			assertSigned(e.headers(), "POST", e.url(), e.body());
		});
		assertThat(events.get(3).json()).containsEntry("digits", "1#").containsEntry("from", "caller");
		assertThat(events.get(4).json()).containsEntry("endReason", "Ended")
			.containsEntry("endedBy", "caller")
			.containsKeys("duration", "answerDuration", "sipCode", "billedSeconds", "cost");
		assertSigned(this.answerUrl.lastHeaders(), "GET", this.answerUrl.lastUrl(), "");
	}

	@Test
	void endedEventCarriesWhatAnAnsweredCallWasCharged() throws Exception {
		Rate rate = new Rate(this.project.getAccountId(), RatedCallType.INTERNAL, "", new BigDecimal("0.60"), 6, "USD");
		rate.setConnectionFee(new BigDecimal("0.05"));
		this.rates.save(rate);
		String callId = talkedAndHungUp(this.jdbc, Duration.ofMillis(7500));

		Awaitility.await()
			.atMost(Duration.ofSeconds(10))
			.until(() -> this.receiver.delivered().stream().anyMatch((e) -> "ended".equals(e.json().get("type"))));
		Map<String, Object> ended = this.receiver.delivered()
			.stream()
			.filter((e) -> "ended".equals(e.json().get("type")))
			.findFirst()
			.orElseThrow()
			.json();
		Money billed = record(callId).money();
		// 7.5 s and more in 6 s increments: at least 12 s, so at least the fee and 0.12.
		assertThat(billed.billedSeconds()).isGreaterThanOrEqualTo(12);
		assertThat(billed.cost()).isGreaterThanOrEqualTo(new BigDecimal("0.17"));
		assertThat(ended).containsEntry("billedSeconds", billed.billedSeconds()).containsEntry("currency", "USD");
		assertThat(new BigDecimal(String.valueOf(ended.get("cost")))).isEqualByComparingTo(billed.cost());
	}

	@Test
	void slowEventUrlDoesNotSlowCallsDown() throws Exception {
		this.receiver.hold();
		StompTestClient alice = device("alice", "a1");
		StompTestClient bob = device("bob", "b1");
		for (int i = 0; i < 3; i++) {
			long start = System.nanoTime();
			String callId = call(alice, "bob", 60);
			bob.awaitEvent("incomingCall", callId);
			assertThat(alice.request("call.hangup", body(callId))).containsEntry("r", 0);
			// Without the outbox, each call would wait for the endpoint, which never answers, until
			// the 10 s request timeout: half of that leaves room for a loaded machine.
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
		}
		// The endpoint was reached, and is still hung, while the calls went through.
		Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> this.receiver.waiting() > 0);
	}

	private void assertSigned(Map<String, String> headers, String method, String url, String body) throws Exception {
		String timestamp = headers.get("x-oncaller-timestamp");
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(this.project.getSigningSecret().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
		String expected = HexFormat.of()
			.formatHex(mac.doFinal((timestamp + "\n" + method + "\n" + url + "\n" + body).getBytes(StandardCharsets.UTF_8)));
		assertThat(headers.get("x-oncaller-signature")).isEqualTo("v1=" + expected);
	}

}
