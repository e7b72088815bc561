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
import java.util.function.UnaryOperator;

import asia.oncaller.outbound.AddressGuard;
import asia.oncaller.outbound.RefusedAddressException;
import asia.oncaller.outbound.RequestSigner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.NestedExceptionUtils;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * Asks a customer's server what to do with a call: its answer_url (a signed GET) or a failed
 * connect's onFailEventUrl (a signed POST), only to an address the {@link AddressGuard} allows,
 * with no redirects, bounded in time and size.
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
		return ask("answer_url", answerUrl, (url) -> HttpUrls.withQueryParameters(url, queryParameters), HttpMethod.GET,
				"", signingSecret);
	}

	/**
	 * POSTs a failed connect's JSON report to its {@code onFailEventUrl} and parses the answer as
	 * the SCCO that replaces the current one: with the same signature, address check, time and
	 * size limits and outcomes as {@link #decide}.
	 * @param onFailEventUrl the connect's onFailEventUrl, sent as written
	 * @param jsonBody the report, sent as UTF-8 {@code application/json} and signed as sent
	 * @param signingSecret the project's signing secret
	 */
	public CallControlDecision onFail(String onFailEventUrl, String jsonBody, String signingSecret) {
		return ask("onFailEventUrl", onFailEventUrl, (url) -> url, HttpMethod.POST, jsonBody, signingSecret);
	}

	private CallControlDecision ask(String name, String target, UnaryOperator<URI> requestUri, HttpMethod method,
			String body, String signingSecret) {
		Optional<URI> url = HttpUrls.parse(target);
		if (url.isEmpty()) {
			log.info("{} is missing or not an absolute http(s) URL", name);
			return CallControlDecision.Failed.answerUrlFailed();
		}
		// Only scheme, host and path reach the log: a customer's query may carry a secret.
		String shown = url.get().getScheme() + "://" + url.get().getRawAuthority() + url.get().getRawPath();
		String answer;
		try {
			answer = exchange(requestUri.apply(url.get()), method, body, signingSecret);
		}
		catch (AnswerUrlFailure ex) {
			log.info("{} {} failed: {}", name, shown, ex.getMessage());
			return CallControlDecision.Failed.answerUrlFailed();
		}
		catch (RefusedAddressException ex) {
			log.info("{} {} refused: {}", name, shown, ex.getMessage());
			return CallControlDecision.Failed.answerUrlFailed();
		}
		catch (RestClientException | UncheckedIOException ex) {
			// The cause only: RestClient's own message repeats the whole URL, query included.
			Throwable cause = NestedExceptionUtils.getMostSpecificCause(ex);
			log.info("{} {} failed: {}", name, shown, cause.getClass().getSimpleName()
					+ ((cause.getMessage() != null) ? ": " + cause.getMessage() : ""));
			return CallControlDecision.Failed.answerUrlFailed();
		}
		try {
			return SccoParser.decide(SccoParser.read(answer));
		}
		catch (InvalidSccoException ex) {
			log.info("{} {} gave no valid SCCO: {}", name, shown, ex.getMessage());
			return CallControlDecision.Failed.incorrectFormat();
		}
	}

	private String exchange(URI uri, HttpMethod method, String body, String signingSecret) {
		this.guard.check(uri);
		Map<String, String> signature = RequestSigner.headers(signingSecret, this.clock.instant().getEpochSecond(),
				method.name(), uri.toString(), body);
		RestClient.RequestBodySpec request = this.http.method(method)
			.uri(uri)
			.accept(MediaType.APPLICATION_JSON)
			.headers((headers) -> signature.forEach(headers::set));
		if (!body.isEmpty()) {
			// Bytes, not a String: the signature covers exactly the UTF-8 that goes out.
			request.contentType(MediaType.APPLICATION_JSON).body(body.getBytes(StandardCharsets.UTF_8));
		}
		return request.exchange((req, response) -> {
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
