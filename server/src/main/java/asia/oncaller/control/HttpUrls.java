package asia.oncaller.control;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Builds the answer_url request: the customer's URL with the documented parameters added. */
final class HttpUrls {

	private HttpUrls() {
	}

	/**
	 * The URL with the parameters appended to its query, each name and value percent-encoded as
	 * UTF-8. The existing query is kept byte for byte: it is the customer's, already encoded. A
	 * {@code null} value is sent empty, so the customer always sees the documented parameters.
	 * Spaces become {@code %20} rather than {@code +}, which every query parser reads as a space.
	 */
	static URI withQueryParameters(URI url, Map<String, String> parameters) {
		StringBuilder query = new StringBuilder((url.getRawQuery() != null) ? url.getRawQuery() : "");
		parameters.forEach((name, value) -> {
			if (!query.isEmpty() && query.charAt(query.length() - 1) != '&') {
				query.append('&');
			}
			query.append(encode(name)).append('=').append(encode((value != null) ? value : ""));
		});
		String path = (url.getRawPath() != null) ? url.getRawPath() : "";
		String base = url.getScheme() + "://" + url.getRawAuthority() + path;
		// The fragment is dropped: a client never sends it.
		return URI.create(query.isEmpty() ? base : base + "?" + query);
	}

	private static String encode(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
	}

}
