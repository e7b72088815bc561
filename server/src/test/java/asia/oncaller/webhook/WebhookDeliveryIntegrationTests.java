package asia.oncaller.webhook;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import asia.oncaller.TestDatabaseConfig;
import asia.oncaller.WebhookReceiver;
import asia.oncaller.auth.TokenIssuer;
import asia.oncaller.call.CallResult;
import asia.oncaller.call.MakeCallCommand;
import asia.oncaller.call.MakeCallService;
import asia.oncaller.call.Party;
import asia.oncaller.tenant.Account;
import asia.oncaller.tenant.AccountRepository;
import asia.oncaller.tenant.Project;
import asia.oncaller.tenant.ProjectRepository;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Delivery against a real HTTP server, through the real call service and outbox: an endpoint that
 * fails three times gets the event on the fourth try and never again, a call's later event waits
 * for the earlier one, and 410 stops deliveries. The delivery state reads back over REST, to the
 * call's tenant only.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "oncaller.webhook.first-retry=100ms", "oncaller.webhook.poll-interval=100ms" })
@Import(TestDatabaseConfig.class)
class WebhookDeliveryIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	AccountRepository accounts;

	@Autowired
	ProjectRepository projects;

	@Autowired
	MakeCallService makeCall;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	TokenIssuer tokens;

	WebhookReceiver receiver;

	Project project;

	@BeforeEach
	void createProjectWithEventUrl() throws Exception {
		this.receiver = new WebhookReceiver();
		Account account = this.accounts.save(new Account("Webhooks", "USD"));
		this.project = new Project(account.getId(), "App");
		this.project.setAnswerUrl("http://127.0.0.1:" + this.port + "/scco-helper/project-answer-url");
		this.project.setEventUrl(this.receiver.url());
		this.projects.save(this.project);
	}

	@AfterEach
	void closeReceiver() {
		this.receiver.close();
	}

	@Test
	void endpointThatFailsThreeTimesGetsTheEventOnceAndInOrder() throws Exception {
		this.receiver.respond((n) -> (n <= 3) ? 500 : 200);

		String callId = callNobody();

		Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> this.receiver.delivered().size() == 2);
		assertThat(this.receiver.requests()).extracting((r) -> r.json().get("type") + ":" + r.status())
			.containsExactly("created:500", "created:500", "created:500", "created:200", "ended:200");
		// The endpoint has answered 200; the dispatcher marks the event delivered right after.
		Awaitility.await()
			.atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> assertThat(attempts(callId)).containsExactly(
					Map.of("sequence", 1, "attempts", 4, "status", "DELIVERED"),
					Map.of("sequence", 2, "attempts", 1, "status", "DELIVERED")));
		Awaitility.await().during(Duration.ofSeconds(1)).until(() -> this.receiver.requests().size() == 5);
		assertThat(eventsOverRest(callId, this.project)).contains("\"sequence\":1", "\"attempts\":4",
				"\"status\":\"DELIVERED\"", "\"lastStatusCode\":200", "\"type\":\"ended\"");
	}

	@Test
	void deliveryStateIsVisibleOnlyToTheCallsTenant() throws Exception {
		String callId = callNobody();
		Project other = new Project(this.accounts.save(new Account("Other", "USD")).getId(), "Other app");
		this.projects.save(other);

		assertThat(eventsOverRest(callId, this.project)).contains("\"type\":\"created\"");
		int status = RestClient.create("http://127.0.0.1:" + this.port)
			.get()
			.uri("/v1/calls/{id}/events", callId)
			.header("Authorization", "Bearer " + projectToken(other))
			.exchange((request, response) -> response.getStatusCode().value());
		assertThat(status).isEqualTo(404);
	}

	@Test
	void goneEndpointStopsDeliveries() throws Exception {
		this.receiver.respond((n) -> 410);

		String callId = callNobody();

		Awaitility.await()
			.atMost(Duration.ofSeconds(10))
			.until(() -> attempts(callId).stream().allMatch((row) -> "STOPPED".equals(row.get("status"))));
		assertThat(this.receiver.requests()).hasSize(2);
	}

	/** A call to a user who is not online: created and ended at once, two events. */
	private String callNobody() {
		CallResult result = this.makeCall.make(
				Party.withoutConnection(this.project.getId(), this.project.getAccountId(), "alice"),
				new MakeCallCommand("alice", "nobody", false, null));
		assertThat(result.r()).isZero();
		return (String) result.data().get("callId");
	}

	private String eventsOverRest(String callId, Project project) {
		return RestClient.create("http://127.0.0.1:" + this.port)
			.get()
			.uri("/v1/calls/{id}/events", callId)
			.header("Authorization", "Bearer " + projectToken(project))
			.retrieve()
			.body(String.class);
	}

	private String projectToken(Project project) {
		return this.tokens.restToken(project.getApiKeySid(), project.getApiKeySecret(), Duration.ofMinutes(5));
	}

	private List<Map<String, Object>> attempts(String callId) {
		return this.jdbc.queryForList(
				"SELECT sequence, attempts, status FROM webhook_event WHERE call_id = ? ORDER BY sequence", callId);
	}

}
