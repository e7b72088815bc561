package asia.oncaller.signaling;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the STOMP endpoint.
 *
 * @param heartbeat the heart-beat the server offers and asks for, both ways
 * @param requestsPerSecond how many requests one connection may send each second before it
 * gets {@code r=12}
 * @param requestThreads how many requests are handled at once; most of their time is spent
 * waiting on the database or a customer's answer_url
 * @param allowedOrigins browser origins allowed to open {@code /ws}; tokens travel in the
 * CONNECT frame, not in cookies, so any origin is safe by default
 * @param connectTimeout how long a WebSocket may stay open without an accepted CONNECT
 * @param maxDevicesPerUser how many connections one user may have at once on this node; past
 * it CONNECT gets ERROR {@code code} 12
 * @param maxConnectionsPerAddress how many WebSockets one source address may have open at once
 * on this node; past it CONNECT gets ERROR {@code code} 12
 * @param sendTimeLimit how long sending to one connection may take before it is cut off
 * @param sendBufferSizeLimit how much may wait to be sent to one connection before it is cut off
 */
@ConfigurationProperties("oncaller.signaling")
record SignalingProperties(@DefaultValue("10s") Duration heartbeat, @DefaultValue("50") int requestsPerSecond,
		@DefaultValue("32") int requestThreads, @DefaultValue("*") String[] allowedOrigins,
		@DefaultValue("10s") Duration connectTimeout, @DefaultValue("20") int maxDevicesPerUser,
		@DefaultValue("500") int maxConnectionsPerAddress, @DefaultValue("10s") Duration sendTimeLimit,
		@DefaultValue("512KB") DataSize sendBufferSizeLimit) {

}
