package asia.oncaller;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole server on real PostgreSQL with demo mode off, over real HTTP: migrations applied,
 * health UP, metrics and info published, no trace of the demo token endpoint, and the
 * JavaScript SDK (from the sdk-js module) and the demo web phone served.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestDatabaseConfig.class)
class OnCallerApplicationIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	DataSource dataSource;

	@Test
	void migrationsApplyOnPostgresql() {
		JdbcTemplate jdbc = new JdbcTemplate(this.dataSource);
		assertThat(jdbc.queryForObject("select version()", String.class)).startsWith("PostgreSQL");
		assertThat(jdbc.queryForList("select version from flyway_schema_history where success", String.class))
			.contains("1");
		assertThat(jdbc.queryForList(
				"select table_name from information_schema.tables where table_schema = 'public'", String.class))
			.contains("account", "project", "phone_number", "sip_trunk", "rate", "call", "balance_transaction");
	}

	@Test
	void healthIsUp() {
		String health = http().get().uri("/actuator/health").retrieve().body(String.class);
		assertThat(health).contains("\"status\":\"UP\"");
	}

	@Test
	void prometheusMetricsArePublished() {
		String metrics = http().get().uri("/actuator/prometheus").retrieve().body(String.class);
		assertThat(metrics).contains("jvm_memory_used_bytes", "hikaricp_connections");
	}

	@Test
	void infoNamesTheBuild() {
		String info = http().get().uri("/actuator/info").retrieve().body(String.class);
		assertThat(info).contains("\"artifact\":\"oncaller-server\"");
	}

	@Test
	void demoTokenIsAbsentWhenDemoModeIsOff() {
		HttpStatusCode status = http().get()
			.uri("/demo/token?userId=alice")
			.exchange((request, response) -> response.getStatusCode());
		assertThat(status).isEqualTo(HttpStatus.NOT_FOUND);
	}

	@Test
	void javascriptSdkIsServedAtTheDocumentedUrlAndUnderItsVersion() throws IOException {
		String latest = http().get()
			.uri("/assets/js/sdk/v1.0/oncaller.latest.sdk.bundle.min.js")
			.retrieve()
			.body(String.class);
		assertThat(latest).startsWith("/*! OnCaller JavaScript SDK ").contains("OnCallerClient", "OnCallerCall");

		Resource[] bundles = new PathMatchingResourcePatternResolver()
			.getResources("classpath:static/assets/js/sdk/v1.0/oncaller.*.sdk.bundle.min.js");
		assertThat(bundles).extracting(Resource::getFilename)
			.hasSize(2)
			.contains("oncaller.latest.sdk.bundle.min.js")
			.anyMatch((name) -> name.matches("oncaller\\.\\d+\\.\\d+\\.\\d+\\.sdk\\.bundle\\.min\\.js"));
		for (Resource bundle : bundles) {
			ResponseEntity<String> served = http().get()
				.uri("/assets/js/sdk/v1.0/" + bundle.getFilename())
				.retrieve()
				.toEntity(String.class);
			assertThat(served.getHeaders().getContentType().isCompatibleWith(MediaType.parseMediaType("text/javascript")))
				.isTrue();
			assertThat(served.getBody()).isEqualTo(bundle.getContentAsString(StandardCharsets.UTF_8));
		}
	}

	@Test
	void demoWebPhoneIsTheHomePage() {
		String page = http().get().uri("/").retrieve().body(String.class);
		assertThat(page).contains("<title>OnCaller web phone</title>",
				"/assets/js/sdk/v1.0/oncaller.latest.sdk.bundle.min.js", "/demo/phone.js");
	}

	private RestClient http() {
		return RestClient.create("http://127.0.0.1:" + this.port);
	}

}
