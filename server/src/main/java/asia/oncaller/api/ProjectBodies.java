package asia.oncaller.api;

import java.time.Instant;

import asia.oncaller.tenant.Project;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** What {@code /v1/projects} reads and answers. */
final class ProjectBodies {

	/** An absolute http(s) URL, as the answer_url client will accept it. */
	static final String URL = "https?://\\S+";

	private ProjectBodies() {
	}

	/** Creates or replaces a project's settings; absent URLs are cleared, absent enabled is true. */
	record Request(@Schema(example = "Support app") @NotBlank @Size(max = 200) String name,
			@Schema(example = "https://example.com/answer") @Size(max = 2048) @Pattern(regexp = URL,
					message = "must be an absolute http or https URL") String answerUrl,
			@Schema(example = "https://example.com/events") @Size(max = 2048) @Pattern(regexp = URL,
					message = "must be an absolute http or https URL") String eventUrl,
			Boolean enabled) {

		boolean isEnabled() {
			return this.enabled == null || this.enabled;
		}

	}

	/** A project as every read shows it: without its API key secret. */
	record View(String id, String name, String apiKeySid, String answerUrl, String eventUrl, boolean enabled,
			Instant createdAt) {

		static View of(Project project) {
			return new View(project.getId(), project.getName(), project.getApiKeySid(), project.getAnswerUrl(),
					project.getEventUrl(), project.isEnabled(), Values.time(project.getCreatedAt()));
		}

	}

	/** The answer of creating a project or rotating its key: the only time the secret is shown. */
	record WithSecret(String id, String name, String apiKeySid,
			@Schema(description = "Shown once: store it now") String apiKeySecret, String answerUrl, String eventUrl,
			boolean enabled, Instant createdAt) {

		static WithSecret of(Project project) {
			return new WithSecret(project.getId(), project.getName(), project.getApiKeySid(),
					project.getApiKeySecret(), project.getAnswerUrl(), project.getEventUrl(), project.isEnabled(),
					Values.time(project.getCreatedAt()));
		}

		@Override
		public String toString() {
			// Spring's DEBUG log prints the bodies it writes; the secret must not be in it.
			return "WithSecret[id=" + this.id + ", apiKeySid=" + this.apiKeySid + ", apiKeySecret=(hidden)]";
		}

	}

}
