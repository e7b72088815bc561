package asia.oncaller.database;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import asia.oncaller.call.CallReaper;
import asia.oncaller.call.CallState;
import asia.oncaller.testsupport.AnswerUrlServer;
import asia.oncaller.testsupport.CallTestSupport;
import asia.oncaller.testsupport.StompTestClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.messaging.simp.stomp.StompHeaders;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.notNullValue;

/**
 * PostgreSQL taken away behind a {@link TcpProxy}, refused and black-holed, with the server's own
 * pool and driver settings: REST answers 503 problem, a STOMP request {@code r=13}, CONNECT an
 * ERROR with code 13 and health DOWN, each within seconds. When the database is back everything
 * works again without a restart, the outage ended no call, and the failed requests left nothing.
 * Meanwhile the background rounds wait on their own threads, not on the STOMP broker's.
 */
@Import(DatabaseOutageIntegrationTests.ProxiedDatabase.class)
@TestPropertySource(properties = { "spring.datasource.hikari.maximum-pool-size=4",
		"oncaller.call.heartbeat-timeout=4s" })
@DirtiesContext
class DatabaseOutageIntegrationTests extends CallTestSupport {

	private static final Logger log = LoggerFactory.getLogger(DatabaseOutageIntegrationTests.class);

	/** Generous: the settings aim at about 3 s; the measured times are logged. */
	private static final Duration BOUND = Duration.ofSeconds(8);

	private static final Map<String, Object> MAKE_CALL_TO_BOB = Map.of("fromNumber", "alice", "toNumber", "bob",
			"isVideoCall", false);

	private static final Map<String, Object> SERVER_CALL_TO_BOB = Map.of("from", "support", "to", "bob", "actions",
			List.of(Map.of("action", "connect", "from", Map.of("type", "internal", "number", "support"), "to",
					Map.of("type", "internal", "number", "bob"))));

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final JsonMapper json = JsonMapper.builder().build();

	@Autowired
	DatabaseBehindProxy database;

	@Autowired
	CallReaper reaper;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	@Qualifier("messageBrokerTaskScheduler")
	ThreadPoolTaskScheduler brokerScheduler;

	@ParameterizedTest
	@EnumSource(value = TcpProxy.Mode.class, names = { "REFUSE", "BLACK_HOLE" })
	void everythingFailsFastWhileTheDatabaseIsAwayAndWorksAgainWhenItIsBack(TcpProxy.Mode away) throws Exception {
		StompTestClient alice = device("alice", "a1");
		StompTestClient bob = device("bob", "b1");
		String otherNodesCall = answeredCallOfAnotherNode(alice, bob);
		this.answerUrl.respond(AnswerUrlServer.connectToUser("bob", 60));
		Snapshot before = snapshot();

		this.database.proxy().mode(away);

		Timed<HttpResponse<String>> rest = timed(() -> send("POST", "/v1/calls", SERVER_CALL_TO_BOB));
		assertThat(rest.value().statusCode()).isEqualTo(503);
		assertThat(rest.value().headers().firstValue("Content-Type")).hasValueSatisfying(
				(type) -> assertThat(type).startsWith("application/problem+json"));
		assertThat(body(rest.value())).containsEntry("code", "unavailable")
			.containsEntry("detail", "Temporarily unavailable: nothing was changed, try again");
		Timed<Map<String, Object>> stomp = timed(() -> alice.request("call.make", MAKE_CALL_TO_BOB));
		assertThat(stomp.value()).containsEntry("r", 13).containsEntry("message", "Server error: nothing was changed");
		Timed<StompHeaders> connect = timed(
				() -> StompTestClient.refusedConnect(this.port, this.tenants.clientToken(this.project, "carol")));
		assertThat(connect.value().getFirst("code")).isEqualTo("13");
		assertThat(connect.value().getFirst("message")).isEqualTo("Server error, try again");
		Timed<HttpResponse<String>> health = timed(() -> send("GET", "/actuator/health", null));
		assertThat(health.value().statusCode()).isEqualTo(503);
		assertThat(body(health.value())).containsEntry("status", "DOWN");
		// The node's sweep for lost calls meets the outage too, on threads of its own: the STOMP
		// broker's scheduler stays free for its timers.
		assertThatThrownBy(this.reaper::endLostCalls).isInstanceOf(RuntimeException.class);
		CompletableFuture<Long> brokerTimer = new CompletableFuture<>();
		long asked = System.nanoTime();
		this.brokerScheduler.execute(() -> brokerTimer.complete(System.nanoTime()));
		assertThat(Duration.ofNanos(brokerTimer.get(10, TimeUnit.SECONDS) - asked))
			.isLessThan(Duration.ofMillis(500));
		log.info("PostgreSQL {}: REST 503 in {} ms, STOMP r=13 in {} ms, CONNECT code 13 in {} ms, health DOWN in {} ms",
				away, rest.millis(), stomp.millis(), connect.millis(), health.millis());
		assertThat(List.of(rest, stomp, connect, health)).allSatisfy((t) -> assertThat(t.took()).isLessThan(BOUND));

		this.database.proxy().mode(TcpProxy.Mode.FORWARD);

		// The first sweep that reaches the database again: nobody could mark calls meanwhile.
		int lost = await().atMost(Duration.ofSeconds(15))
			.pollInterval(Duration.ofMillis(100))
			.ignoreExceptions()
			.until(this.reaper::endLostCalls, notNullValue());
		assertThat(lost).isZero();
		assertThat(record(otherNodesCall).getStatus()).isEqualTo(CallState.ANSWERED);
		await().atMost(Duration.ofSeconds(15))
			.untilAsserted(() -> assertThat(send("GET", "/v1/calls", null).statusCode()).isEqualTo(200));
		assertThat(device("carol", "c1").authen()).containsEntry("r", 0);
		String callId = call(alice, "bob", 60);
		assertThat(bob.request("call.answer", body(callId))).containsEntry("r", 0);
		assertThat(alice.request("call.hangup", body(callId))).containsEntry("r", 0);
		assertThat(bob.await((m) -> "signalingState".equals(m.get("type")) && callId.equals(m.get("callId"))
				&& Integer.valueOf(6).equals(m.get("code"))))
			.isNotNull();
		assertThat(record(callId).getStatus()).isEqualTo(CallState.ENDED);

		Snapshot after = snapshot();
		assertThat(after.calls()).as("only the call made after the outage").isEqualTo(before.calls() + 1);
		assertThat(after.balance()).isEqualByComparingTo(before.balance());
		assertThat(after.ledgerRows()).isEqualTo(before.ledgerRows());
		assertThat(bob.unconsumed()).noneMatch((m) -> "incomingCall".equals(m.get("type"))
				&& !List.of(otherNodesCall, callId).contains(m.get("callId")));
	}

	@AfterEach
	void bringTheDatabaseBack() throws IOException {
		// Also when an assertion failed midway, so that the next case starts with a database.
		this.database.proxy().mode(TcpProxy.Mode.FORWARD);
	}

	/**
	 * An answered call whose connections live on another node (as the row says): this node's
	 * heartbeat never marks it, so only the outage guard keeps it from being ended as lost.
	 */
	private String answeredCallOfAnotherNode(StompTestClient alice, StompTestClient bob) throws Exception {
		String callId = call(alice, "bob", 60);
		assertThat(bob.request("call.answer", body(callId))).containsEntry("r", 0);
		this.jdbc.update("UPDATE call SET caller_connection_id = 'node-2-a', answered_connection_id = 'node-2-b'"
				+ " WHERE id = ?", callId);
		return callId;
	}

	private Snapshot snapshot() {
		String account = this.project.getAccountId();
		return new Snapshot(
				this.jdbc.queryForObject("SELECT count(*) FROM call WHERE project_id = ?", Long.class,
						this.project.getId()),
				this.jdbc.queryForObject("SELECT balance FROM account WHERE id = ?", BigDecimal.class, account),
				this.jdbc.queryForObject("SELECT count(*) FROM balance_transaction WHERE account_id = ?", Long.class,
						account));
	}

	private HttpResponse<String> send(String method, String path, Map<String, Object> body)
			throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.timeout(Duration.ofSeconds(20))
			.header("Authorization", "Bearer " + this.tenants.projectToken(this.project))
			.header("Content-Type", "application/json");
		request.method(method, (body != null) ? HttpRequest.BodyPublishers.ofString(this.json.writeValueAsString(body))
				: HttpRequest.BodyPublishers.noBody());
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> body(HttpResponse<String> response) {
		return this.json.readValue(response.body(), Map.class);
	}

	private static <T> Timed<T> timed(Callable<T> work) throws Exception {
		long start = System.nanoTime();
		T value = work.call();
		return new Timed<>(value, Duration.ofNanos(System.nanoTime() - start));
	}

	private record Timed<T>(T value, Duration took) {

		long millis() {
			return this.took.toMillis();
		}

	}

	private record Snapshot(long calls, BigDecimal balance, long ledgerRows) {

	}

	@TestConfiguration(proxyBeanMethods = false)
	static class ProxiedDatabase {

		@Bean
		static DatabaseBehindProxy databaseBehindProxy() {
			return new DatabaseBehindProxy();
		}

	}

	/**
	 * Puts a {@link TcpProxy} in front of whichever database the tests use (see
	 * {@code TestDatabaseConfig}: the one {@code spring.datasource.url} names, or the embedded
	 * one), by rewriting the connection details the pool is built from.
	 */
	static final class DatabaseBehindProxy implements BeanPostProcessor, DisposableBean {

		private TcpProxy proxy;

		TcpProxy proxy() {
			return this.proxy;
		}

		@Override
		public Object postProcessAfterInitialization(Object bean, String beanName) {
			if (!(bean instanceof JdbcConnectionDetails real)) {
				return bean;
			}
			URI url = URI.create(real.getJdbcUrl().substring("jdbc:".length()));
			try {
				int port = (url.getPort() > 0) ? url.getPort() : 5432;
				this.proxy = new TcpProxy(new InetSocketAddress(url.getHost(), port));
			}
			catch (IOException ex) {
				throw new IllegalStateException("Cannot start the database proxy", ex);
			}
			String proxied = "jdbc:postgresql://127.0.0.1:" + this.proxy.port() + url.getRawPath()
					+ ((url.getRawQuery() != null) ? "?" + url.getRawQuery() : "");
			return new JdbcConnectionDetails() {

				@Override
				public String getUsername() {
					return real.getUsername();
				}

				@Override
				public String getPassword() {
					return real.getPassword();
				}

				@Override
				public String getJdbcUrl() {
					return proxied;
				}

			};
		}

		@Override
		public void destroy() throws IOException {
			if (this.proxy != null) {
				this.proxy.close();
			}
		}

	}

}
