package asia.oncaller.numbers;

import java.time.Instant;

import asia.oncaller.common.Sids;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

/**
 * An E.164 number of an account, unique across the system. Calls to it may use its own
 * answer_url and event_url, else those of its project; calls from it leave through its trunk.
 */
@Entity
public class PhoneNumber {

	@Id
	private String id;

	private String number;

	private String accountId;

	private String projectId;

	private String answerUrl;

	private String eventUrl;

	private String trunkId;

	private Instant createdAt;

	@Version
	private Long version;

	protected PhoneNumber() {
	}

	/** A new number of the account, in E.164 form ({@code +} and up to 15 digits). */
	public PhoneNumber(String number, String accountId) {
		this.id = Sids.newSid("PN");
		this.number = number;
		this.accountId = accountId;
		this.createdAt = Instant.now();
	}

	public String getId() {
		return this.id;
	}

	public String getNumber() {
		return this.number;
	}

	public String getAccountId() {
		return this.accountId;
	}

	public String getProjectId() {
		return this.projectId;
	}

	public void setProjectId(String projectId) {
		this.projectId = projectId;
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

	public String getTrunkId() {
		return this.trunkId;
	}

	public void setTrunkId(String trunkId) {
		this.trunkId = trunkId;
	}

	/**
	 * A number as it is dialled or written in an SCCO, in the E.164 form it is stored in: carriers
	 * and SCCOs often leave out the {@code +}.
	 */
	public static String e164(String dialled) {
		return dialled.startsWith("+") ? dialled : "+" + dialled;
	}

	/** A number's digits without the {@code +}, as rate prefixes are written. */
	public static String digits(String number) {
		return number.startsWith("+") ? number.substring(1) : number;
	}

	public Instant getCreatedAt() {
		return this.createdAt;
	}

}
