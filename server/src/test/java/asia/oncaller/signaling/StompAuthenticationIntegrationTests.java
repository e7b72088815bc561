package asia.oncaller.signaling;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

import asia.oncaller.TestDatabaseConfig;
import asia.oncaller.TestTenants;
import asia.oncaller.tenant.Project;
import asia.oncaller.tenant.ProjectRepository;
import asia.oncaller.testsupport.StompTestClient;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.messaging.simp.stomp.StompHeaders;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * STOMP CONNECT over a real WebSocket: every refused token gets an ERROR frame with its authen
 * code; an accepted one gets the authen message on {@code /app/session}, and the user's other
 * devices hear {@code otherDeviceAuthen} when a device comes or goes.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import({ TestDatabaseConfig.class, TestTenants.class })
class StompAuthenticationIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	TestTenants tenants;

	@Autowired
	ProjectRepository projects;

	Project project;

	@BeforeEach
	void createTenant() {
		this.project = this.tenants.create("http://127.0.0.1:1/unused", BigDecimal.ZERO).project;
	}

	@Test
	void missingTokenIsRefusedWithCode1() throws Exception {
		assertRefused(null, 1);
	}

	@Test
	void undecodableTokenIsRefusedWithCode2() throws Exception {
		assertRefused("not.a.token", 2);
	}

	@Test
	void hs512TokenIsRefusedWithCode4() throws Exception {
		assertRefused(sign(JWSAlgorithm.HS512, this.project.getApiKeySid(), "alice", Instant.now().plusSeconds(600),
				this.project.getApiKeySecret() + this.project.getApiKeySecret()), 4);
	}

	@Test
	void unknownApiKeyIsRefusedWithCode5() throws Exception {
		assertRefused(sign(JWSAlgorithm.HS256, "SK" + "0".repeat(32), "alice", Instant.now().plusSeconds(600),
				this.project.getApiKeySecret()), 5);
	}

	@Test
	void expiredTokenIsRefusedWithCode6() throws Exception {
		assertRefused(sign(JWSAlgorithm.HS256, this.project.getApiKeySid(), "alice", Instant.now().minusSeconds(600),
				this.project.getApiKeySecret()), 6);
	}

	@Test
	void tokenWithoutUserIdIsRefusedWithCode7() throws Exception {
		assertRefused(sign(JWSAlgorithm.HS256, this.project.getApiKeySid(), null, Instant.now().plusSeconds(600),
				this.project.getApiKeySecret()), 7);
	}

	@Test
	void tokenOfADisabledProjectIsRefusedWithCode8() throws Exception {
		String token = this.tenants.clientToken(this.project, "alice");
		this.project.setEnabled(false);
		this.projects.save(this.project);
		assertRefused(token, 8);
	}

	@Test
	void acceptedTokenGetsTheAuthenMessage() throws Exception {
		try (StompTestClient alice = StompTestClient.connect(this.port, this.tenants.clientToken(this.project, "alice"),
				"laptop")) {
			Map<String, Object> authen = alice.authen();
			assertThat(authen).containsEntry("type", "authen")
				.containsEntry("r", 0)
				.containsEntry("userId", "alice")
				.containsEntry("projectId", this.project.getId())
				.containsEntry("deviceId", "laptop")
				.containsKeys("connectionId", "iceServers");
			assertThat((List<?>) authen.get("clients")).hasSize(1);
		}
	}

	@Test
	void otherDevicesHearWhenADeviceComesAndGoes() throws Exception {
		String token = this.tenants.clientToken(this.project, "alice");
		try (StompTestClient laptop = StompTestClient.connect(this.port, token, "laptop")) {
			StompTestClient phone = StompTestClient.connect(this.port, token, "phone");
			assertThat((List<?>) phone.authen().get("clients")).hasSize(2);
			Map<String, Object> came = laptop.await((m) -> "otherDeviceAuthen".equals(m.get("type")));
			assertThat(came).containsEntry("status", "connected")
				.containsEntry("deviceId", "phone")
				.containsEntry("platform", "java")
				.containsEntry("connectionId", phone.connectionId());

			phone.close();

			Map<String, Object> went = laptop.await((m) -> "otherDeviceAuthen".equals(m.get("type")));
			assertThat(went).containsEntry("status", "disconnected").containsEntry("deviceId", "phone");
		}
	}

	private void assertRefused(String token, int code) throws Exception {
		StompHeaders error = StompTestClient.refusedConnect(this.port, token);
		assertThat(error.getFirst("code")).isEqualTo(String.valueOf(code));
		assertThat(error.getFirst("message")).isNotBlank();
	}

	private static String sign(JWSAlgorithm algorithm, String issuer, String userId, Instant expires, String secret)
			throws Exception {
		JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().jwtID("t1")
			.issuer(issuer)
			.issueTime(Date.from(expires.minusSeconds(1200)))
			.expirationTime(Date.from(expires));
		if (userId != null) {
			claims.claim("userId", userId);
		}
		SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(algorithm).build(), claims.build());
		jwt.sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
		return jwt.serialize();
	}

}
