package asia.oncaller.trunks.web;

import java.time.Instant;

import asia.oncaller.api.ApiException;
import asia.oncaller.api.Values;
import asia.oncaller.trunks.DtmfMode;
import asia.oncaller.trunks.SipTransport;
import asia.oncaller.trunks.SipTrunk;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** What {@code /v1/sip-trunks} reads and answers; credentials go in, never out. */
final class SipTrunkBodies {

	/** A host name or an IPv4/IPv6 address, without scheme, port or path. */
	static final String HOST = "[A-Za-z0-9.:\\[\\]-]+";

	private SipTrunkBodies() {
	}

	/**
	 * Creates a trunk, or replaces its settings. Digest credentials come as both username and
	 * password or neither; on a replace, neither keeps the stored ones and
	 * {@code clearCredentials: true} removes them.
	 */
	record Request(@Schema(example = "Carrier A") @NotBlank @Size(max = 200) String name,
			@Schema(example = "sip.carrier.example") @NotBlank @Size(max = 255) @Pattern(regexp = HOST,
					message = "must be a host name or an IP address") String host,
			@Schema(example = "5060") @NotNull @Min(1) @Max(65535) Integer port,
			@Schema(example = "UDP") @NotNull SipTransport transport,
			@Schema(example = "trunk-user") @Size(min = 1, max = 128) String username,
			@Schema(example = "s3cret", accessMode = Schema.AccessMode.WRITE_ONLY) @Size(min = 1,
					max = 128) String password,
			Boolean clearCredentials, Boolean enabled,
			@Schema(description = "How DTMF reaches the carrier; RFC4733 when left out") DtmfMode dtmfMode) {

		/** Refuses a username without a password, or the other way round, naming the missing one. */
		void checkCredentialsPaired() {
			if ((this.username == null) != (this.password == null)) {
				throw ApiException.invalid((this.username == null) ? "username" : "password",
						"must be given too: username and password go together");
			}
		}

		boolean hasCredentials() {
			return this.username != null;
		}

		boolean isEnabled() {
			return this.enabled == null || this.enabled;
		}

		DtmfMode dtmfModeOrDefault() {
			return (this.dtmfMode != null) ? this.dtmfMode : DtmfMode.RFC4733;
		}

		@Override
		public String toString() {
			// Spring's DEBUG log prints the bodies it reads; the credentials must not be in it.
			return "Request[name=" + this.name + ", host=" + this.host + ", port=" + this.port + ", credentials="
					+ (hasCredentials() ? "(hidden)" : "none") + "]";
		}

	}

	/** A trunk as every answer shows it: whether it has credentials, never what they are. */
	record View(String id, String name, String host, int port, SipTransport transport, boolean hasCredentials,
			boolean enabled, DtmfMode dtmfMode, Instant createdAt) {

		static View of(SipTrunk trunk) {
			return new View(trunk.getId(), trunk.getName(), trunk.getHost(), trunk.getPort(), trunk.getTransport(),
					trunk.getUsername() != null, trunk.isEnabled(), trunk.getDtmfMode(), Values.time(trunk.getCreatedAt()));
		}

	}

}
