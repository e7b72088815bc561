package asia.oncaller.outbound;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;

/**
 * The one rule for every URL a customer gives us (answer_url, event_url, the SCCO's URLs): an
 * absolute {@code http} or {@code https} URL with a host. The scheme is case-insensitive as RFC
 * 3986 says, so {@code HTTP://host/} is one; {@code http:///etc/passwd} has no host and is not.
 * Kept in one place so that what the REST API accepts is exactly what the server will fetch.
 */
public final class CustomerUrls {

	private CustomerUrls() {
	}

	/** The text as a URI if it follows the rule. */
	public static Optional<URI> parse(String text) {
		return parse(text, "http", "https");
	}

	/**
	 * The text as a URI if it is an absolute {@code ws} or {@code wss} URL with a host: the
	 * customer's WebSocket a {@code connect} streams a call's audio to.
	 */
	public static Optional<URI> parseWebSocket(String text) {
		return parse(text, "ws", "wss");
	}

	private static Optional<URI> parse(String text, String plain, String secure) {
		if (text == null || text.isBlank()) {
			return Optional.empty();
		}
		try {
			URI uri = new URI(text);
			String scheme = uri.getScheme();
			boolean allowed = plain.equalsIgnoreCase(scheme) || secure.equalsIgnoreCase(scheme);
			return (allowed && uri.getHost() != null && !uri.getHost().isEmpty()) ? Optional.of(uri)
					: Optional.empty();
		}
		catch (URISyntaxException ex) {
			return Optional.empty();
		}
	}

	public static boolean isValid(String text) {
		return parse(text).isPresent();
	}

}
