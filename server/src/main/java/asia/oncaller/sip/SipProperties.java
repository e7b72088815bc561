package asia.oncaller.sip;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The server's SIP endpoint, toward carriers.
 *
 * @param enabled whether the endpoint runs; without it, calls to phone numbers end with 503
 * @param host the address it binds and puts in Via and Contact; carriers must reach it
 * @param port the UDP and TCP port; 0 picks a free one (tests)
 * @param dtmfDuration how long each DTMF digit sent by SIP INFO lasts
 * @param workerThreads threads that run phone legs' work (media bridge calls, database
 * changes), each leg's in order
 */
@ConfigurationProperties("oncaller.sip")
record SipProperties(@DefaultValue("true") boolean enabled, @DefaultValue("127.0.0.1") String host,
		@DefaultValue("5060") int port, @DefaultValue("160ms") Duration dtmfDuration,
		@DefaultValue("8") int workerThreads) {

}
