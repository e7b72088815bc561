package asia.oncaller.e2e;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import asia.oncaller.auth.TokenIssuer;
import asia.oncaller.billing.BalanceLedger;
import asia.oncaller.billing.Rate;
import asia.oncaller.billing.RateRepository;
import asia.oncaller.billing.RatedCallType;
import asia.oncaller.tenant.Account;
import asia.oncaller.tenant.AccountRepository;
import asia.oncaller.tenant.Project;
import asia.oncaller.tenant.ProjectRepository;
import tools.jackson.databind.json.JsonMapper;

/**
 * A fresh account on a server, with a balance and a project whose calls between app users cost
 * {@link #PRICE_PER_MINUTE} a minute in 1-second increments (the built-in answer_url connects
 * them), so that a call's record shows what it was charged; the records are read as operators
 * read them, over REST with the project's token.
 */
final class RatedTenant {

	static final BigDecimal PRICE_PER_MINUTE = new BigDecimal("0.60");

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final E2eServer server;

	private final Project project;

	RatedTenant(E2eServer server) {
		this.server = server;
		Account account = server.bean(AccountRepository.class).save(new Account("Rated " + System.nanoTime(), "USD"));
		server.bean(BalanceLedger.class).topUp(account.getId(), new BigDecimal("10.00"), "initial");
		Project created = new Project(account.getId(), "App");
		created.setAnswerUrl(baseUrl() + "/scco-helper/project-answer-url?appToPhone=false");
		this.project = server.bean(ProjectRepository.class).save(created);
		server.bean(RateRepository.class)
			.save(new Rate(account.getId(), RatedCallType.INTERNAL, "", PRICE_PER_MINUTE, 1, "USD"));
	}

	/** @return a client token of the project for {@code userId} */
	String token(String userId) {
		return this.server.bean(TokenIssuer.class)
			.clientToken(this.project.getApiKeySid(), this.project.getApiKeySecret(), userId, Duration.ofHours(1));
	}

	/** @return the project's call records of calls from or to {@code userId}, newest first ({@code GET /v1/calls}) */
	@SuppressWarnings("unchecked")
	List<Map<String, Object>> records(String userId) {
		String rest = this.server.bean(TokenIssuer.class)
			.restToken(this.project.getApiKeySid(), this.project.getApiKeySecret(), Duration.ofMinutes(5));
		try {
			HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/v1/calls?userId=" + userId))
				.header("Authorization", "Bearer " + rest)
				.header("Accept", "application/json")
				.timeout(Duration.ofSeconds(10))
				.build(), HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() != 200) {
				throw new AssertionError("GET /v1/calls: " + response.statusCode() + " " + response.body());
			}
			return (List<Map<String, Object>>) JSON.readValue(response.body(), Map.class).get("data");
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AssertionError(ex);
		}
		catch (IOException ex) {
			throw new AssertionError("GET /v1/calls", ex);
		}
	}

	private String baseUrl() {
		return "http://127.0.0.1:" + this.server.port();
	}

}
