package asia.oncaller.webhook;

import java.nio.file.Path;
import java.time.Duration;

import asia.oncaller.OnCallerApplication;
import asia.oncaller.WebhookReceiver;
import asia.oncaller.call.CallResult;
import asia.oncaller.call.MakeCallCommand;
import asia.oncaller.call.MakeCallService;
import asia.oncaller.call.Party;
import asia.oncaller.tenant.Account;
import asia.oncaller.tenant.AccountRepository;
import asia.oncaller.tenant.Project;
import asia.oncaller.tenant.ProjectRepository;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * At-least-once across a restart: events stored while the customer's endpoint was down are
 * delivered, in order, by the next server that runs on the same database.
 */
class WebhookRestartIntegrationTests {

	@TempDir
	Path dataDirectory;

	@Test
	void undeliveredEventsAreDeliveredAfterARestart() throws Exception {
		try (WebhookReceiver receiver = new WebhookReceiver()) {
			receiver.respond((n) -> 503);
			try (ConfigurableApplicationContext first = start()) {
				Project project = project(first, receiver.url());
				CallResult result = first.getBean(MakeCallService.class)
					.make(Party.withoutConnection(project.getId(), project.getAccountId(), "alice"),
							new MakeCallCommand("alice", "nobody", false, null));
				assertThat(result.r()).isZero();
				Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> !receiver.requests().isEmpty());
			}
			receiver.respond((n) -> 200);

			try (ConfigurableApplicationContext second = start()) {
				Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> receiver.delivered().size() == 2);
				assertThat(receiver.delivered()).extracting((r) -> r.json().get("type"))
					.containsExactly("created", "ended");
			}
		}
	}

	private ConfigurableApplicationContext start() {
		// Blank values override CI's SPRING_DATASOURCE_URL: both runs share this folder's database.
		return new SpringApplicationBuilder(OnCallerApplication.class).run("--spring.datasource.url=",
				"--oncaller.embedded-postgres.data-directory=" + this.dataDirectory,
				"--oncaller.embedded-postgres.port=0", "--server.port=0", "--oncaller.webhook.first-retry=100ms",
				"--oncaller.webhook.poll-interval=100ms",
				// A delivery cut off by the shutdown is retried after its lease, twice this.
				"--oncaller.webhook.request-timeout=2s");
	}

	private Project project(ConfigurableApplicationContext context, String eventUrl) {
		Account account = context.getBean(AccountRepository.class).save(new Account("Restart", "USD"));
		Project project = new Project(account.getId(), "App");
		project.setAnswerUrl("http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port")
				+ "/scco-helper/project-answer-url");
		project.setEventUrl(eventUrl);
		return context.getBean(ProjectRepository.class).save(project);
	}

}
