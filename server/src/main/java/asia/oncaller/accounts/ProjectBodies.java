package asia.oncaller.accounts;

import java.time.Instant;

import asia.oncaller.api.Values;
import asia.oncaller.outbound.HttpUrl;
import asia.oncaller.tenant.Project;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** What {@code /v1/projects} reads and answers. */
final class ProjectBodies {

	private static final String SIGNING_SECRET = "Shown once: store it now. Keys the HMAC-SHA256 "
			+ "X-OnCaller-Signature of every request to the project's answer_url, event_url and "
			+ "onFailEventUrl (docs/webhooks.md)";

	private static final String CALLER_NAMES = "Whether the built-in SCCO helper shows the caller name an app user "
			+ "chose (fromNumber); false (the default) shows the caller's authenticated userId";

	private ProjectBodies() {
	}

	/**
	 * Creates or replaces a project's settings; absent URLs are cleared, absent enabled is true,
	 * absent clientChosenCallerNames is false.
	 */
	record Request(@Schema(example = "Support app") @NotBlank @Size(max = 200) String name,
			@Schema(example = "https://example.com/answer") @Size(max = 2048) @HttpUrl String answerUrl,
			@Schema(example = "https://example.com/events") @Size(max = 2048) @HttpUrl String eventUrl,
			Boolean enabled, @Schema(description = CALLER_NAMES) Boolean clientChosenCallerNames) {

		boolean isEnabled() {
			return this.enabled == null || this.enabled;
		}

		boolean isClientChosenCallerNames() {
			return this.clientChosenCallerNames != null && this.clientChosenCallerNames;
		}

	}

	/** A project as every read shows it: without its API key secret and signing secret. */
	record View(String id, String name, String apiKeySid, String answerUrl, String eventUrl, boolean enabled,
			@Schema(description = CALLER_NAMES) boolean clientChosenCallerNames, Instant createdAt) {

		static View of(Project project) {
			return new View(project.getId(), project.getName(), project.getApiKeySid(), project.getAnswerUrl(),
					project.getEventUrl(), project.isEnabled(), project.isClientChosenCallerNames(),
					Values.time(project.getCreatedAt()));
		}

	}

	/**
	 * The answer of creating a project or rotating its API key: the only time the API key secret
	 * is shown. The signing secret is shown at creation only ({@code null} and absent after a key
	 * rotation, which leaves it as it was).
	 */
	record WithSecret(String id, String name, String apiKeySid,
			@Schema(description = "Shown once: store it now") String apiKeySecret,
			@Schema(description = SIGNING_SECRET) @JsonInclude(JsonInclude.Include.NON_NULL) String signingSecret,
			String answerUrl, String eventUrl, boolean enabled,
			@Schema(description = CALLER_NAMES) boolean clientChosenCallerNames, Instant createdAt) {

		static WithSecret created(Project project) {
			return of(project, project.getSigningSecret());
		}

		static WithSecret apiKeyRotated(Project project) {
			return of(project, null);
		}

		private static WithSecret of(Project project, String signingSecret) {
			return new WithSecret(project.getId(), project.getName(), project.getApiKeySid(),
					project.getApiKeySecret(), signingSecret, project.getAnswerUrl(), project.getEventUrl(),
					project.isEnabled(), project.isClientChosenCallerNames(), Values.time(project.getCreatedAt()));
		}

		@Override
		public String toString() {
			// Spring's DEBUG log prints the bodies it writes; the secrets must not be in it.
			return "WithSecret[id=" + this.id + ", apiKeySid=" + this.apiKeySid
					+ ", apiKeySecret=(hidden), signingSecret=(hidden)]";
		}

	}

	/** The answer of rotating the signing secret: the only time the new secret is shown. */
	record SigningSecret(String projectId, @Schema(description = SIGNING_SECRET) String signingSecret) {

		static SigningSecret of(Project project) {
			return new SigningSecret(project.getId(), project.getSigningSecret());
		}

		@Override
		public String toString() {
			return "SigningSecret[projectId=" + this.projectId + ", signingSecret=(hidden)]";
		}

	}

}
