package asia.oncaller.tenant;

import java.time.Instant;

import asia.oncaller.common.Sids;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

/**
 * An app of an account. Its API key (SID and secret) signs client and project REST tokens;
 * its answer_url decides where calls go and its event_url hears what happened.
 */
@Entity
public class Project {

	@Id
	private String id;

	private String accountId;

	private String name;

	private String apiKeySid;

	/** Signs client and project REST tokens; shown once at creation, never again. */
	private String apiKeySecret;

	private String answerUrl;

	private String eventUrl;

	/** Signs requests to the project's answer_url and event_url; shown at creation and rotation only. */
	private String signingSecret;

	private boolean enabled;

	/**
	 * Whether the built-in SCCO helper shows the caller name an app user chose; otherwise it shows
	 * the caller's authenticated userId, so that no user can pose as another.
	 */
	private boolean clientChosenCallerNames;

	private Instant createdAt;

	@Version
	private Long version;

	protected Project() {
	}

	/** A new enabled project of the account, with a fresh id and API key. */
	public Project(String accountId, String name) {
		this(Sids.newSid("PJ"), accountId, name);
	}

	/** A new enabled project with a chosen id (the demo tenant keeps a stable one). */
	public Project(String id, String accountId, String name) {
		this.id = id;
		this.accountId = accountId;
		this.name = name;
		this.enabled = true;
		this.createdAt = Instant.now();
		this.signingSecret = Sids.newSecret();
		rotateApiKey();
	}

	/** Replaces the API key: tokens signed with the old one stop working at once. */
	public void rotateApiKey() {
		this.apiKeySid = Sids.newSid("SK");
		this.apiKeySecret = Sids.newSecret();
	}

	/** Replaces the signing secret: requests are signed with the new one from the next on. */
	public void rotateSigningSecret() {
		this.signingSecret = Sids.newSecret();
	}

	public String getId() {
		return this.id;
	}

	public String getAccountId() {
		return this.accountId;
	}

	public String getName() {
		return this.name;
	}

	public void setName(String name) {
		this.name = name;
	}

	public String getApiKeySid() {
		return this.apiKeySid;
	}

	public String getApiKeySecret() {
		return this.apiKeySecret;
	}

	public String getSigningSecret() {
		return this.signingSecret;
	}

	public String getAnswerUrl() {
		return this.answerUrl;
	}

	public void setAnswerUrl(String answerUrl) {
		this.answerUrl = answerUrl;
	}

	public String getEventUrl() {
		return this.eventUrl;
	}

	public void setEventUrl(String eventUrl) {
		this.eventUrl = eventUrl;
	}

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public boolean isClientChosenCallerNames() {
		return this.clientChosenCallerNames;
	}

	public void setClientChosenCallerNames(boolean clientChosenCallerNames) {
		this.clientChosenCallerNames = clientChosenCallerNames;
	}

	public Instant getCreatedAt() {
		return this.createdAt;
	}

}
