package asia.oncaller.call;

import java.util.List;

/**
 * One ICE server as WebRTC's {@code RTCIceServer}: URLs and, for TURN, a username and credential.
 *
 * @param urls e.g. {@code stun:stun.example.org:3478}
 * @param username for TURN, else {@code null}
 * @param credential for TURN, else {@code null}
 */
public record IceServer(List<String> urls, String username, String credential) {

	/** Without the credential, in case a list of servers ever reaches a log line. */
	@Override
	public String toString() {
		return "IceServer[urls=" + this.urls + ", username=" + this.username + "]";
	}

}
