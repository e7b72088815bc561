package asia.oncaller.sip;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The server's SIP endpoint, toward carriers.
 *
 * @param enabled whether the endpoint runs; without it, calls to phone numbers end with 503
 * @param host the address it binds; also put in Via, From and Contact unless
 * {@code advertisedHost} is set
 * @param advertisedHost the address carriers reach it at, when that is not {@code host} (a
 * container bound to 0.0.0.0, an address behind NAT)
 * @param port the UDP and TCP port; 0 picks a free one (tests)
 * @param dtmfDuration how long each DTMF digit sent by SIP INFO lasts
 * @param workerThreads threads that run phone legs' work (media bridge calls, database
 * changes), each leg's in order
 */
@ConfigurationProperties("oncaller.sip")
record SipProperties(@DefaultValue("true") boolean enabled, @DefaultValue("127.0.0.1") String host,
		String advertisedHost, @DefaultValue("5060") int port, @DefaultValue("160ms") Duration dtmfDuration,
		@DefaultValue("8") int workerThreads) {

	/** The address to write into messages. */
	String addressInMessages() {
		return (this.advertisedHost != null && !this.advertisedHost.isBlank()) ? this.advertisedHost : this.host;
	}

}
