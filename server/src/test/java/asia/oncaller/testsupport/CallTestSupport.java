package asia.oncaller.testsupport;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import asia.oncaller.TalkTime;
import asia.oncaller.TestDatabaseConfig;
import asia.oncaller.TestTenants;
import asia.oncaller.call.Call;
import asia.oncaller.call.CallRepository;
import asia.oncaller.tenant.Project;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What call tests share: the server on a random port with real PostgreSQL, a customer's
 * answer_url on a real local HTTP server, a fresh tenant, and real STOMP clients that are closed
 * after each test.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import({ TestDatabaseConfig.class, TestTenants.class })
public abstract class CallTestSupport {

	/** The server's HTTP and WebSocket port. */
	@LocalServerPort
	protected int port;

	/** Makes accounts, projects and tokens. */
	@Autowired
	protected TestTenants tenants;

	/** The call records, to check what a call left. */
	@Autowired
	protected CallRepository calls;

	/** The test project's answer_url, fresh for each test. */
	protected AnswerUrlServer answerUrl;

	/** The test project, of a fresh account with a balance of 10.00, for each test. */
	protected Project project;

	private final List<StompTestClient> clients = new ArrayList<>();

	@BeforeEach
	protected void startAnswerUrlAndTenant() throws Exception {
		this.answerUrl = new AnswerUrlServer();
		this.project = this.tenants.create(this.answerUrl.url(), new BigDecimal("10.00")).project;
	}

	@AfterEach
	protected void closeClients() {
		this.clients.forEach(StompTestClient::close);
		this.answerUrl.close();
	}

	/** Connects a device of a user of the test project. */
	protected StompTestClient device(String userId, String deviceId) throws Exception {
		return device(this.project, userId, deviceId);
	}

	/** Connects a device of a user of the given project. */
	protected StompTestClient device(Project project, String userId, String deviceId) throws Exception {
		StompTestClient client = StompTestClient.connect(this.port, this.tenants.clientToken(project, userId), deviceId);
		this.clients.add(client);
		return client;
	}

	/**
	 * Connects a device of a user of the test project that comes back from a dropped connection
	 * with the {@code resumeToken} its earlier connection was given (PROTOCOL §2.1).
	 */
	protected StompTestClient deviceBack(String userId, String deviceId, String resumeToken) throws Exception {
		return deviceBack(this.project, userId, deviceId, resumeToken);
	}

	/** The same for a user of the given project. */
	protected StompTestClient deviceBack(Project project, String userId, String deviceId, String resumeToken)
			throws Exception {
		return deviceOn(this.port, project, userId, deviceId, resumeToken);
	}

	/**
	 * Connects a device of a user of the given project to the server at {@code port} (another
	 * node of a cluster), with a {@code resumeToken} or {@code null}; closed after the test.
	 */
	protected StompTestClient deviceOn(int port, Project project, String userId, String deviceId, String resumeToken)
			throws Exception {
		StompTestClient client = StompTestClient.connect(port, this.tenants.clientToken(project, userId), deviceId,
				resumeToken);
		this.clients.add(client);
		return client;
	}

	/** Alice calls bob through an SCCO that rings for {@code timeout} s; returns the call id. */
	protected String call(StompTestClient caller, String callee, int timeout) throws InterruptedException {
		this.answerUrl.respond(AnswerUrlServer.connectToUser(callee, timeout));
		Map<String, Object> reply = caller.request("call.make",
				Map.of("fromNumber", "alice", "toNumber", callee, "isVideoCall", false));
		assertThat(reply).containsEntry("r", 0);
		return (String) reply.get("callId");
	}

	/**
	 * alice calls bob, bob answers, and alice hangs up once the call has {@code talked} (moved back
	 * in time, see {@link TalkTime}): an answered call that costs something when priced.
	 * @return the call id
	 */
	protected String talkedAndHungUp(JdbcTemplate jdbc, Duration talked) throws Exception {
		StompTestClient alice = device("alice", "a1");
		StompTestClient bob = device("bob", "b1");
		String callId = call(alice, "bob", 60);
		assertThat(bob.request("call.answer", body(callId))).containsEntry("r", 0);
		TalkTime.talkedFor(jdbc, talked, List.of(callId));
		assertThat(alice.request("call.hangup", body(callId))).containsEntry("r", 0);
		return callId;
	}

	/** Sends {@code perClient} requests from each client without waiting, then collects every reply. */
	protected static List<Map<String, Object>> flood(List<StompTestClient> clients, int perClient, String verb,
			Map<String, Object> body) throws InterruptedException {
		for (int i = 0; i < perClient; i++) {
			for (int c = 0; c < clients.size(); c++) {
				Map<String, Object> request = new LinkedHashMap<>(body);
				request.put("requestId", "flood-" + c + "-" + i);
				clients.get(c).send(verb, request);
			}
		}
		List<Map<String, Object>> replies = new ArrayList<>();
		for (int c = 0; c < clients.size(); c++) {
			for (int i = 0; i < perClient; i++) {
				String requestId = "flood-" + c + "-" + i;
				replies.add(clients.get(c)
					.await((m) -> "reply".equals(m.get("type")) && requestId.equals(m.get("requestId"))));
			}
		}
		return replies;
	}

	/** A request body: the call id, then field names and values in turn. */
	public static Map<String, Object> body(String callId, Object... more) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("callId", callId);
		for (int i = 0; i < more.length; i += 2) {
			body.put((String) more[i], more[i + 1]);
		}
		return body;
	}

	/** The call's record as it is now in the database. */
	protected Call record(String callId) {
		return this.calls.findById(callId).orElseThrow();
	}

}
