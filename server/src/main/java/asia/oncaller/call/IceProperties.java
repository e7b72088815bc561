package asia.oncaller.call;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The STUN and TURN servers handed to clients on authen, with each call, so that peers can find
 * a media path (PROTOCOL §2).
 *
 * @param servers the list; empty by default, which suits peers on one network
 */
@ConfigurationProperties("oncaller.ice")
public record IceProperties(@DefaultValue List<IceServer> servers) {

	/** One ICE server as WebRTC's {@code RTCIceServer}: URLs and optional TURN credentials. */
	public record IceServer(List<String> urls, String username, String credential) {
	}

}
