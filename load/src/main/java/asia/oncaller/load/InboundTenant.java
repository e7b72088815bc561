package asia.oncaller.load;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import tools.jackson.databind.json.JsonMapper;

/**
 * What the inbound benchmark calls into, set up over the public REST API (docs/protocol.md §5)
 * as an operator and then a customer would: a new account (operator token), its project with the
 * given answer_url, a SIP trunk at the carrier's address and a number on it. A new account per
 * run, so that runs never share numbers or calls.
 */
final class InboundTenant {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String JWT_HEADER = "{\"typ\":\"JWT\",\"alg\":\"HS256\",\"cty\":\"oncaller-api;v=1\"}";

	private final HttpClient http = HttpClient.newHttpClient();

	private final String server;

	private String apiKeySid;

	private String apiKeySecret;

	private String number;

	private InboundTenant(String server) {
		this.server = server;
	}

	/**
	 * Creates the tenant.
	 * @param operatorToken the server's {@code oncaller.operator.token}
	 * @param answerUrl the project's answer_url
	 * @param carrierPort the trunk's port: where the carrier (SIPp) sends from on 127.0.0.1
	 */
	static InboundTenant create(String server, String operatorToken, String answerUrl, int carrierPort)
			throws Exception {
		InboundTenant tenant = new InboundTenant(server);
		String run = Long.toString(System.currentTimeMillis());
		Map<String, Object> account = tenant.post("/v1/accounts", operatorToken,
				Map.of("name", "Inbound load " + run, "currency", "USD"));
		String accountToken = sign((String) account.get("id"), (String) account.get("secret"),
				Map.of("rest_api", true));
		Map<String, Object> project = tenant.post("/v1/projects", accountToken,
				Map.of("name", "Inbound load", "answerUrl", answerUrl));
		tenant.apiKeySid = (String) project.get("apiKeySid");
		tenant.apiKeySecret = (String) project.get("apiKeySecret");
		Map<String, Object> trunk = tenant.post("/v1/sip-trunks", accountToken,
				Map.of("name", "SIPp", "host", "127.0.0.1", "port", carrierPort, "transport", "UDP"));
		// Unique in the whole system: +1 555, then the run's last 8 digits of epoch milliseconds.
		tenant.number = "+1555" + run.substring(run.length() - 8);
		tenant.post("/v1/numbers", accountToken,
				Map.of("number", tenant.number, "projectId", project.get("id"), "trunkId", trunk.get("id")));
		return tenant;
	}

	/** The number the carrier dials, E.164 with its {@code +}. */
	String number() {
		return this.number;
	}

	/** A client token of the project for the user, as the customer's server signs it (PROTOCOL §1). */
	String clientToken(String userId) throws Exception {
		return sign(this.apiKeySid, this.apiKeySecret, Map.of("userId", userId));
	}

	private Map<String, Object> post(String path, String token, Map<String, Object> body) throws Exception {
		HttpResponse<String> response = this.http.send(HttpRequest.newBuilder(URI.create(this.server + path))
			.header("Authorization", "Bearer " + token)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
			.build(), HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() == 404 && path.equals("/v1/accounts")) {
			throw new IllegalStateException("POST /v1/accounts answered 404: start the server with "
					+ "ONCALLER_OPERATOR_TOKEN set to the --operator-token given here");
		}
		if (response.statusCode() != 201) {
			throw new IllegalStateException("POST " + path + " answered " + response.statusCode() + ": "
					+ response.body());
		}
		@SuppressWarnings("unchecked")
		Map<String, Object> created = JSON.readValue(response.body(), Map.class);
		return created;
	}

	/** An HS256 JWT of the given issuer, living one hour. */
	private static String sign(String issuer, String secret, Map<String, Object> claims) throws Exception {
		long now = Instant.now().getEpochSecond();
		Map<String, Object> payload = new LinkedHashMap<>(claims);
		payload.put("jti", UUID.randomUUID().toString());
		payload.put("iss", issuer);
		payload.put("iat", now);
		payload.put("exp", now + 3600);
		Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
		String signed = base64.encodeToString(JWT_HEADER.getBytes(StandardCharsets.UTF_8)) + "."
				+ base64.encodeToString(JSON.writeValueAsBytes(payload));
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
		return signed + "." + base64.encodeToString(mac.doFinal(signed.getBytes(StandardCharsets.US_ASCII)));
	}

}
