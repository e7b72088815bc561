package asia.oncaller.outbound;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs requests to customers' servers (docs/webhooks.md): {@code X-OnCaller-Timestamp} is the
 * time in epoch seconds, and {@code X-OnCaller-Signature} is {@code v1=} and the hex
 * HMAC-SHA256, keyed with the project's signing secret, of
 * {@code timestamp + "\n" + METHOD + "\n" + url + "\n" + body}. The URL is the full URL as
 * requested, query included; the body is empty for GET.
 */
public final class RequestSigner {

	public static final String TIMESTAMP_HEADER = "X-OnCaller-Timestamp";

	public static final String SIGNATURE_HEADER = "X-OnCaller-Signature";

	private RequestSigner() {
	}

	/** The two headers for a request made at {@code epochSeconds}. */
	public static Map<String, String> headers(String secret, long epochSeconds, String method, String url,
			String body) {
		String timestamp = Long.toString(epochSeconds);
		return Map.of(TIMESTAMP_HEADER, timestamp, SIGNATURE_HEADER,
				"v1=" + hmac(secret, timestamp + "\n" + method + "\n" + url + "\n" + body));
	}

	static String hmac(String secret, String data) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return HexFormat.of().formatHex(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException | InvalidKeyException ex) {
			throw new IllegalStateException("HmacSHA256 is part of every Java runtime", ex);
		}
	}

}
