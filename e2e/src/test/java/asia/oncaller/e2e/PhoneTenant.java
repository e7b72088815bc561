package asia.oncaller.e2e;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import asia.oncaller.auth.TokenIssuer;
import asia.oncaller.billing.BalanceLedger;
import asia.oncaller.billing.Rate;
import asia.oncaller.billing.RateRepository;
import asia.oncaller.billing.RatedCallType;
import asia.oncaller.numbers.PhoneNumber;
import asia.oncaller.numbers.PhoneNumberRepository;
import asia.oncaller.tenant.Account;
import asia.oncaller.tenant.AccountRepository;
import asia.oncaller.tenant.Project;
import asia.oncaller.tenant.ProjectRepository;
import asia.oncaller.trunks.SipTransport;
import asia.oncaller.trunks.SipTrunk;
import asia.oncaller.trunks.SipTrunkRepository;

/**
 * A fresh account of the shared e2e server for phone calls: a balance, a project whose
 * answer_url is the test's, a trunk to the carrier on 127.0.0.1, one of its numbers on that trunk
 * and a rate for phone calls.
 */
final class PhoneTenant {

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	private final Project project;

	private PhoneTenant(Project project) {
		this.project = project;
	}

	static PhoneTenant create(String ourNumber, int carrierPort, String answerUrl) {
		E2eServer server = E2eServer.get();
		Account account = server.bean(AccountRepository.class).save(new Account("Phone " + System.nanoTime(), "USD"));
		server.bean(BalanceLedger.class).topUp(account.getId(), new BigDecimal("10.00"), "initial");
		Project project = new Project(account.getId(), "App");
		project.setAnswerUrl(answerUrl);
		project = server.bean(ProjectRepository.class).save(project);
		SipTrunk trunk = server.bean(SipTrunkRepository.class)
			.save(new SipTrunk(account.getId(), "Carrier", "127.0.0.1", carrierPort, SipTransport.UDP));
		PhoneNumberRepository numbers = server.bean(PhoneNumberRepository.class);
		numbers.findByNumber(ourNumber).ifPresent(numbers::delete);
		PhoneNumber number = new PhoneNumber(ourNumber, account.getId());
		number.setProjectId(project.getId());
		number.setTrunkId(trunk.getId());
		numbers.save(number);
		server.bean(RateRepository.class)
			.save(new Rate(account.getId(), RatedCallType.EXTERNAL, "", new BigDecimal("0.60"), 1, "USD"));
		return new PhoneTenant(project);
	}

	/** A client token of the project for {@code userId}. */
	String clientToken(String userId) {
		return E2eServer.get()
			.bean(TokenIssuer.class)
			.clientToken(this.project.getApiKeySid(), this.project.getApiKeySecret(), userId, Duration.ofHours(1));
	}

	/**
	 * {@code GET /v1/calls/{callId}/recording} with the project's REST token: the call's audio, or
	 * 404 while there is none.
	 */
	HttpResponse<byte[]> recordingOf(String callId) throws IOException, InterruptedException {
		return HTTP.send(HttpRequest
			.newBuilder(URI.create("http://127.0.0.1:" + E2eServer.get().port() + "/v1/calls/" + callId + "/recording"))
			.header("X-OnCaller-Auth", restToken())
			.build(), HttpResponse.BodyHandlers.ofByteArray());
	}

	/** The project's secret, which signs its answer_url and eventUrl requests. */
	String signingSecret() {
		return this.project.getSigningSecret();
	}

	/** A project REST token. */
	String restToken() {
		return E2eServer.get()
			.bean(TokenIssuer.class)
			.restToken(this.project.getApiKeySid(), this.project.getApiKeySecret(), Duration.ofHours(1));
	}

}
