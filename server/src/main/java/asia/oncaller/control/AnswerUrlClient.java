package asia.oncaller.control;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

import asia.oncaller.outbound.AddressGuard;
import asia.oncaller.outbound.RefusedAddressException;
import asia.oncaller.outbound.RequestSigner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.NestedExceptionUtils;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * Asks a customer's answer_url what to do with a call: a signed GET, only to an address the
 * {@link AddressGuard} allows, with no redirects, bounded in time and size.
 */
@Component
public class AnswerUrlClient {

	private static final Logger log = LoggerFactory.getLogger(AnswerUrlClient.class);

	private final RestClient http;

	private final int maxAnswerBytes;

	private final AddressGuard guard;

	private final Clock clock;

	AnswerUrlClient(ControlProperties properties, AddressGuard guard, Clock clock) {
		this.guard = guard;
		this.clock = clock;
		HttpClient client = HttpClient.newBuilder()
			.connectTimeout(properties.answerUrlTimeout())
			// A redirect could lead anywhere, including inside our network; the URL is the contract.
			.followRedirects(HttpClient.Redirect.NEVER)
			// One small GET gains nothing from HTTP/2, and the h2c upgrade probe trips simple servers.
			.version(HttpClient.Version.HTTP_1_1)
			.build();
		JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(client);
		// Spring applies this from sending the request until the body is closed, so it bounds
		// the whole exchange, a body that trickles in included.
		requests.setReadTimeout(properties.answerUrlTimeout());
		// Not the application's RestClient.Builder: nothing app-wide (base URL, interceptors that
		// add credentials) may reach a customer's server.
		this.http = RestClient.builder().requestFactory(requests).build();
		this.maxAnswerBytes = Math.toIntExact(properties.maxAnswerSize().toBytes());
	}

	/**
	 * GETs {@code answerUrl} with the query parameters added (URL-encoded, appended to any query
	 * the URL already has), then parses the body as an SCCO.
	 * @param answerUrl the project's or number's answer_url, possibly {@code null}
	 * @param queryParameters sent in iteration order; a {@code null} value is sent empty
	 * @return a {@link CallControlDecision.Connect}; or a {@link CallControlDecision.Failed} with
	 * code 1 when the URL is missing or not absolute http(s), or the request fails, times out,
	 * answers non-2xx or more than the size limit; or code 2 when the body is no valid SCCO
	 * @param signingSecret the project's signing secret, which signs the request (see
	 * {@link RequestSigner}); the address is checked by the {@link AddressGuard} first, and a
	 * refused address fails with code 1 without any connection being made
	 */
	public CallControlDecision decide(String answerUrl, Map<String, String> queryParameters, String signingSecret) {
		Optional<URI> url = HttpUrls.parse(answerUrl);
		if (url.isEmpty()) {
			log.info("answer_url is missing or not an absolute http(s) URL");
			return CallControlDecision.Failed.answerUrlFailed();
		}
		// Only scheme, host and path reach the log: a customer's query may carry a secret.
		String shown = url.get().getScheme() + "://" + url.get().getRawAuthority() + url.get().getRawPath();
		String body;
		try {
			body = get(HttpUrls.withQueryParameters(url.get(), queryParameters), signingSecret);
		}
		catch (AnswerUrlFailure ex) {
			log.info("answer_url {} failed: {}", shown, ex.getMessage());
			return CallControlDecision.Failed.answerUrlFailed();
		}
		catch (RefusedAddressException ex) {
			log.info("answer_url {} refused: {}", shown, ex.getMessage());
			return CallControlDecision.Failed.answerUrlFailed();
		}
		catch (RestClientException | UncheckedIOException ex) {
			// The cause only: RestClient's own message repeats the whole URL, query included.
			Throwable cause = NestedExceptionUtils.getMostSpecificCause(ex);
			log.info("answer_url {} failed: {}", shown, cause.getClass().getSimpleName()
					+ ((cause.getMessage() != null) ? ": " + cause.getMessage() : ""));
			return CallControlDecision.Failed.answerUrlFailed();
		}
		try {
			return SccoParser.decide(SccoParser.read(body));
		}
		catch (InvalidSccoException ex) {
			log.info("answer_url {} gave no valid SCCO: {}", shown, ex.getMessage());
			return CallControlDecision.Failed.incorrectFormat();
		}
	}

	private String get(URI uri, String signingSecret) {
		this.guard.check(uri);
		Map<String, String> signature = RequestSigner.headers(signingSecret, this.clock.instant().getEpochSecond(),
				"GET", uri.toString(), "");
		return this.http.get()
			.uri(uri)
			.accept(MediaType.APPLICATION_JSON)
			.headers((headers) -> signature.forEach(headers::set))
			.exchange((request, response) -> {
				if (!response.getStatusCode().is2xxSuccessful()) {
					throw new AnswerUrlFailure("HTTP status " + response.getStatusCode().value());
				}
				// The Content-Type is not checked: many customers answer JSON as text/html.
				return new String(readAtMost(response.getBody()), StandardCharsets.UTF_8);
			});
	}

	private byte[] readAtMost(InputStream body) throws IOException {
		byte[] bytes = body.readNBytes(this.maxAnswerBytes + 1);
		if (bytes.length > this.maxAnswerBytes) {
			throw new AnswerUrlFailure("the body is larger than " + this.maxAnswerBytes + " bytes");
		}
		return bytes;
	}

	private static final class AnswerUrlFailure extends RuntimeException {

		AnswerUrlFailure(String message) {
			super(message, null, false, false);
		}

	}

}
