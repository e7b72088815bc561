package asia.oncaller.trunks;

import java.time.Instant;

import asia.oncaller.common.Sids;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

/**
 * A carrier's SIP endpoint that an account sends calls to and takes calls from, with optional
 * digest credentials. The credentials are written, never read back out through the API.
 */
@Entity
public class SipTrunk {

	@Id
	private String id;

	private String accountId;

	private String name;

	private String host;

	private int port;

	@Enumerated(EnumType.STRING)
	private SipTransport transport;

	private String username;

	private String password;

	private boolean enabled;

	@Enumerated(EnumType.STRING)
	private DtmfMode dtmfMode;

	private Instant createdAt;

	@Version
	private Long version;

	protected SipTrunk() {
	}

	/** A new enabled trunk without credentials. */
	public SipTrunk(String accountId, String name, String host, int port, SipTransport transport) {
		this.id = Sids.newSid("TK");
		this.accountId = accountId;
		this.name = name;
		this.host = host;
		this.port = port;
		this.transport = transport;
		this.enabled = true;
		this.dtmfMode = DtmfMode.RFC4733;
		this.createdAt = Instant.now();
	}

	/** Points the trunk at another endpoint, or renames it. */
	public void update(String name, String host, int port, SipTransport transport) {
		this.name = name;
		this.host = host;
		this.port = port;
		this.transport = transport;
	}

	/** Sets digest credentials, or clears them when both are {@code null}. */
	public void setCredentials(String username, String password) {
		if ((username == null) != (password == null)) {
			throw new IllegalArgumentException("username and password go together");
		}
		this.username = username;
		this.password = password;
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

	public String getHost() {
		return this.host;
	}

	public int getPort() {
		return this.port;
	}

	public SipTransport getTransport() {
		return this.transport;
	}

	public String getUsername() {
		return this.username;
	}

	public String getPassword() {
		return this.password;
	}

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public DtmfMode getDtmfMode() {
		return this.dtmfMode;
	}

	public void setDtmfMode(DtmfMode dtmfMode) {
		this.dtmfMode = dtmfMode;
	}

	public Instant getCreatedAt() {
		return this.createdAt;
	}

}
