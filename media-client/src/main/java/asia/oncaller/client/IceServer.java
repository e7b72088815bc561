package asia.oncaller.client;

import java.util.List;

/**
 * A STUN or TURN server handed out by the server (on {@code authen}, with {@code makeCall}'s
 * reply and with every incoming call).
 *
 * @param urls e.g. {@code stun:stun.example.org:3478}
 * @param username for TURN, or {@code null}
 * @param credential for TURN, or {@code null}
 */
public record IceServer(List<String> urls, String username, String credential) {

	/** Copies the URLs. */
	public IceServer {
		urls = List.copyOf(urls);
	}

	/**
	 * Without the credential: an app that logs its {@code authen} or a call must not write a
	 * TURN credential that still works for an hour.
	 */
	@Override
	public String toString() {
		return "IceServer[urls=" + this.urls + ", username=" + this.username + "]";
	}

}
