package asia.oncaller.control;

import java.math.BigDecimal;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

import asia.oncaller.TestDatabaseConfig;
import asia.oncaller.TestTenants;
import asia.oncaller.control.CallControlDecision.Connect;
import asia.oncaller.tenant.CallingProject;
import asia.oncaller.tenant.Project;
import asia.oncaller.tenant.ProjectRepository;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The built-in SCCO helper over real HTTP: the SCCO it answers for each {@code appToPhone}, its
 * parameters flowing into the connect, 400 problem details for wrong ones, and its answer read
 * back by the parser and by the answer_url client, as a project using it as answer_url would; and
 * the same answers given in-process to this server's own requests.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@Import({ TestDatabaseConfig.class, TestTenants.class })
class SccoHelperIntegrationTests {

	@LocalServerPort
	private int port;

	@Autowired
	private AnswerUrlClient answerUrlClient;

	@Autowired
	private SccoHelperRequest inProcess;

	@Autowired
	private TestTenants tenants;

	@Autowired
	private ProjectRepository projects;

	private RestClient http;

	@BeforeEach
	void createClient() {
		this.http = RestClient.builder()
			.baseUrl("http://127.0.0.1:" + this.port)
			.defaultStatusHandler((status) -> true, (request, response) -> {
			})
			.build();
	}

	@Test
	void connectsToAnAppUserByDefault() {
		ResponseEntity<String> response = get("?from=alice&to=%2B84901234567");
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_JSON);
		assertThat(connect(response.getBody())).isEqualTo(new ConnectAction(new Endpoint("internal", "alice", "alice"),
				new Endpoint("internal", "+84901234567", "+84901234567"), null, 60, -1, true, false, null));
	}

	@ParameterizedTest
	@CsvSource({ "auto,+84901234567,external", "auto,84901234567,external", "auto,123456,external",
			"auto,bob,internal", "auto,12345,internal", "auto,+84 90 123,internal", "true,bob,external",
			"false,+84901234567,internal" })
	void choosesTheCalleeTypeByAppToPhone(String appToPhone, String to, String type) {
		ConnectAction connect = connect(
				this.http.get().uri("/scco-helper/project-answer-url?from=alice&to={to}&appToPhone={a}", to, appToPhone)
					.retrieve()
					.body(String.class));
		assertThat(connect.to()).isEqualTo(new Endpoint(type, to, to));
	}

	@Test
	void putsItsParametersIntoTheConnect() {
		ConnectAction connect = connect(get("?from=alice&to=bob&timeout=30&maxConnectTime=3600&peerToPeerCall=false")
			.getBody());
		assertThat(connect.timeoutSeconds()).isEqualTo(30);
		assertThat(connect.maxConnectTimeSeconds()).isEqualTo(3600);
		assertThat(connect.peerToPeerCall()).isFalse();
	}

	/**
	 * {@code record=true} puts a {@code record} action before the connect, in {@code recordFormat},
	 * and relays the call through the server, whatever {@code peerToPeerCall} says: a peer-to-peer
	 * call could not be recorded.
	 */
	@Test
	void recordsTheCallThroughTheServerWhenAsked() {
		CallControlDecision decision = SccoParser
			.parse(get("?from=alice&to=bob&record=true&recordFormat=wav&peerToPeerCall=true").getBody());
		Connect connect = (Connect) decision;
		assertThat(connect.scco().actions()).hasSize(2)
			.first()
			.isEqualTo(new RecordAction(null, "wav", false));
		assertThat(connect.connect().peerToPeerCall()).isFalse();
		assertThat(((Connect) SccoParser.parse(get("?from=alice&to=bob&record=true").getBody())).scco().actions())
			.first()
			.isEqualTo(new RecordAction(null, "mp3", false));
		assertThat(((Connect) SccoParser.parse(get("?from=alice&to=bob&recordFormat=wav").getBody())).scco().actions())
			.as("recordFormat alone records nothing")
			.hasSize(1);
	}

	@ParameterizedTest
	@ValueSource(strings = { "timeout=0", "timeout=601", "timeout=soon", "maxConnectTime=0", "maxConnectTime=86401",
			"appToPhone=maybe", "peerToPeerCall=perhaps", "record=perhaps", "recordFormat=flac",
			"record=true&recordFormat=mp4a" })
	void refusesWrongParametersWithAProblemDetail(String parameter) {
		ResponseEntity<String> response = get("?from=alice&to=bob&" + parameter);
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(response.getBody()).contains("\"status\":400");
	}

	@Test
	void namesTheWrongParameterInTheProblemDetail() {
		ResponseEntity<String> response = get("?from=alice&to=bob&timeout=601");
		assertThat(response.getBody()).contains("\"detail\":\"timeout must be a whole number of seconds in 1..600\"");
	}

	@ParameterizedTest
	@ValueSource(strings = { "?to=bob", "?from=alice", "?from=%20&to=bob" })
	void refusesAMissingOrBlankParty(String query) {
		assertThat(get(query).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
	}

	@Test
	void servesAsTheAnswerUrlOfAProject() {
		CallControlDecision decision = this.answerUrlClient.decide(
				"http://127.0.0.1:" + this.port + "/scco-helper/project-answer-url?appToPhone=auto",
				Map.of("from", "alice", "to", "+84901234567", "fromInternal", "true", "callId", "call-1"),
				"signing-secret-for-tests");
		assertThat(decision).isInstanceOf(Connect.class);
		assertThat(((Connect) decision).connect().to().isExternal()).isTrue();
	}

	/**
	 * This server's own requests to the helper are answered in-process; each query here,
	 * including wrong, missing, empty, encoded and unusually typed parameters, must be decided
	 * exactly as the same request over HTTP is (a 400 there is code 1).
	 */
	@ParameterizedTest
	@ValueSource(strings = { "from=alice&to=bob", "from=alice&to=%2B84901234567&appToPhone=auto",
			"from=alice&to=84901234567&appToPhone=AUTO", "from=alice&to=bob&appToPhone=true",
			"from=alice&to=bob&appToPhone=", "from=alice&to=bob&appToPhone=maybe",
			"from=Your%20Bank&to=bob&userId=mallory&projectId=no-such-project",
			"from=Your+Bank&to=%2B84901234567&userId=mallory&appToPhone=auto", "from=alice&to=bob&userId=",
			"from=alice&to=bob&timeout=30&maxConnectTime=3600&peerToPeerCall=false", "from=alice&to=bob&timeout=",
			"from=alice&to=bob&timeout=0", "from=alice&to=bob&timeout=601", "from=alice&to=bob&timeout=soon",
			"from=alice&to=bob&timeout=0x1E", "from=alice&to=bob&timeout=%2030", "from=alice&to=bob&timeout=-1",
			"from=alice&to=bob&maxConnectTime=-1", "from=alice&to=bob&maxConnectTime=0",
			"from=alice&to=bob&maxConnectTime=86401", "from=alice&to=bob&peerToPeerCall=on",
			"from=alice&to=bob&peerToPeerCall=", "from=alice&to=bob&peerToPeerCall=perhaps",
			"from=alice&to=bob&peerToPeerCall=NO", "from=alice&to=bob&unknown&&other=1", "to=bob", "from=alice",
			"from=%20&to=bob", "from=&to=bob", "from=alice&to=%E2%98%8E", "from=alice&to=bob&record=true",
			"from=alice&to=bob&record=true&recordFormat=wav&peerToPeerCall=true", "from=alice&to=bob&record=maybe",
			"from=alice&to=bob&recordFormat=flac", "from=alice&to=bob&record=&recordFormat=", "" })
	void answersItsOwnServerInProcessAsOverHttp(String query) {
		URI uri = URI.create("http://127.0.0.1:" + this.port + "/scco-helper/project-answer-url"
				+ (query.isEmpty() ? "" : "?" + query));
		ResponseEntity<String> overHttp = this.http.get().uri(uri).retrieve().toEntity(String.class);
		CallControlDecision expected = overHttp.getStatusCode().is2xxSuccessful()
				? SccoParser.parse(overHttp.getBody()) : new CallControlDecision.Failed(1,
						"Make call failed. Answer url is empty");

		assertThat(this.inProcess.answer(uri, null)).contains(expected);
	}

	@ParameterizedTest
	@ValueSource(strings = { "http://127.0.0.1:1/scco-helper/project-answer-url?from=a&to=b",
			"https://127.0.0.1:PORT/scco-helper/project-answer-url?from=a&to=b",
			"http://10.0.0.1:PORT/scco-helper/project-answer-url?from=a&to=b",
			"http://helper.example.com:PORT/scco-helper/project-answer-url?from=a&to=b",
			"http://user@127.0.0.1:PORT/scco-helper/project-answer-url?from=a&to=b",
			"http://127.0.0.1:PORT/scco-helper/project-answer-url/?from=a&to=b",
			"http://127.0.0.1:PORT/scco-helper/other?from=a&to=b",
			"http://127.0.0.1:PORT/scco-helper/project-answer-url?from=a&to=b&from=c",
			"http://127.0.0.1:PORT/scco-helper/project-answer-url?from=a&to=%E2%98" })
	void leavesEveryOtherUrlToHttp(String url) {
		assertThat(this.inProcess.answer(URI.create(url.replace("PORT", String.valueOf(this.port))), null)).isEmpty();
	}

	/**
	 * A tenant cannot borrow another tenant's opt-in to client-chosen caller names by naming that
	 * project in its own answer_url: the server adds the calling project's id, so the helper shows
	 * the authenticated user, in-process or over HTTP. The opted-in project itself does see the
	 * chosen name, so the first assertion is not true by accident.
	 */
	@Test
	void anotherTenantsCallerNameOptInCannotBeBorrowed() {
		Project optedIn = this.tenants.create(null, BigDecimal.ZERO).project;
		optedIn.setClientChosenCallerNames(true);
		optedIn = this.projects.save(optedIn);
		Project attacker = this.tenants.create(null, BigDecimal.ZERO).project;
		String borrowing = "http://127.0.0.1:" + this.port + SccoHelper.PATH + "?projectId=" + optedIn.getId();

		assertThat(callerShown(borrowing, attacker)).isEqualTo("mallory");
		assertThat(callerShown("http://127.0.0.1:" + this.port + SccoHelper.PATH, optedIn)).isEqualTo("Your Bank");
	}

	private String callerShown(String answerUrl, Project calling) {
		Map<String, String> parameters = new LinkedHashMap<>();
		parameters.put("from", "Your Bank");
		parameters.put("to", "bob");
		parameters.put("fromInternal", "true");
		parameters.put("userId", "mallory");
		parameters.put("projectId", calling.getId());
		parameters.put("callId", "call-borrow");
		CallControlDecision decision = this.answerUrlClient.decide(answerUrl, parameters,
				new CallingProject(calling.getId(), calling.getAnswerUrl(), calling.getEventUrl(),
						calling.getSigningSecret(), calling.isClientChosenCallerNames()));
		assertThat(decision).isInstanceOf(Connect.class);
		return ((Connect) decision).connect().from().number();
	}

	private ResponseEntity<String> get(String query) {
		// A URI, not a template: the query is sent exactly as written, already encoded.
		URI uri = URI.create("http://127.0.0.1:" + this.port + "/scco-helper/project-answer-url" + query);
		return this.http.get().uri(uri).retrieve().toEntity(String.class);
	}

	private static ConnectAction connect(String body) {
		CallControlDecision decision = SccoParser.parse(body);
		assertThat(decision).isInstanceOf(Connect.class);
		return ((Connect) decision).connect();
	}

}
