package asia.oncaller.control;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.function.UnaryOperator;

import asia.oncaller.outbound.CustomerHttp;
import asia.oncaller.outbound.CustomerUrls;
import asia.oncaller.outbound.RequestSigner;
import asia.oncaller.tenant.CallingProject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;

/**
 * Asks a customer's server what to do with a call: its answer_url (a signed GET) or a failed
 * connect's onFailEventUrl (a signed POST), through {@link CustomerHttp}, which reaches only
 * allowed addresses, follows no redirect and bounds the exchange in time and size.
 */
@Component
public class AnswerUrlClient {

	private static final Logger log = LoggerFactory.getLogger(AnswerUrlClient.class);

	private final CustomerHttp http;

	private final int maxAnswerBytes;

	private final Duration timeout;

	private final Clock clock;

	private final SccoHelperRequest helper;

	AnswerUrlClient(ControlProperties properties, CustomerHttp http, Clock clock, SccoHelperRequest helper) {
		this.http = http;
		this.clock = clock;
		this.helper = helper;
		this.timeout = properties.answerUrlTimeout();
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
	 * {@link RequestSigner}); a refused address fails with code 1 without any connection being
	 * made
	 */
	public CallControlDecision decide(String answerUrl, Map<String, String> queryParameters, String signingSecret) {
		return decide(answerUrl, queryParameters, signingSecret, null);
	}

	/**
	 * {@link #decide(String, Map, String)} for a call of this project, signed with its secret.
	 * When the answer_url is this server's own SCCO helper, the helper answers in this process
	 * (with the project at hand) instead of over HTTP; see {@link SccoHelperRequest}.
	 */
	public CallControlDecision decide(String answerUrl, Map<String, String> queryParameters, CallingProject project) {
		return decide(answerUrl, queryParameters, project.signingSecret(), project);
	}

	private CallControlDecision decide(String answerUrl, Map<String, String> queryParameters, String signingSecret,
			CallingProject project) {
		Optional<CallControlDecision> builtIn = CustomerUrls.parse(answerUrl)
			.flatMap((url) -> this.helper.answer(HttpUrls.withQueryParameters(url, queryParameters), project));
		if (builtIn.isPresent()) {
			return builtIn.get();
		}
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

	/**
	 * POSTs an action's report (the digits an {@code input} collected) to its {@code eventUrl}
	 * and parses the answer as the SCCO that replaces the rest of the current one, exactly as
	 * {@link #onFail} does.
	 */
	public CallControlDecision event(String eventUrl, String jsonBody, String signingSecret) {
		return ask("eventUrl", eventUrl, (url) -> url, HttpMethod.POST, jsonBody, signingSecret);
	}

	private CallControlDecision ask(String name, String target, UnaryOperator<URI> requestUri, HttpMethod method,
			String body, String signingSecret) {
		Optional<URI> url = CustomerUrls.parse(target);
		if (url.isEmpty()) {
			log.info("{} is missing or not an absolute http(s) URL", name);
			return CallControlDecision.Failed.answerUrlFailed();
		}
		// Only scheme, host and path reach the log: a customer's query may carry a secret.
		String shown = url.get().getScheme() + "://" + url.get().getRawAuthority() + url.get().getRawPath();
		String answer;
		try {
			answer = new String(exchange(requestUri.apply(url.get()), method, body, signingSecret, this.maxAnswerBytes,
					"application/json"),
					StandardCharsets.UTF_8);
		}
		catch (AnswerUrlFailure ex) {
			log.info("{} {} failed: {}", name, shown, ex.getMessage());
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

	/**
	 * GETs a file a {@code stream} action names, signed and guarded as the answer_url is.
	 * @param url the action's absolute http(s) URL
	 * @param maxBytes the largest body read; a larger one fails
	 * @return the body, or empty when the URL is refused, fails, times out, answers non-2xx or too
	 * much
	 */
	public Optional<byte[]> fetch(String url, int maxBytes, String signingSecret) {
		Optional<URI> uri = CustomerUrls.parse(url);
		if (uri.isEmpty()) {
			return Optional.empty();
		}
		try {
			return Optional.of(exchange(uri.get(), HttpMethod.GET, "", signingSecret, maxBytes, "audio/*"));
		}
		catch (AnswerUrlFailure ex) {
			log.info("stream {}://{}{} failed: {}", uri.get().getScheme(), uri.get().getRawAuthority(),
					uri.get().getRawPath(), ex.getMessage());
			return Optional.empty();
		}
	}

	private byte[] exchange(URI uri, HttpMethod method, String body, String signingSecret, int maxBytes,
			String accept) {
		Map<String, String> headers = new LinkedHashMap<>(RequestSigner.headers(signingSecret,
				this.clock.instant().getEpochSecond(), method.name(), uri.toString(), body));
		headers.put("Accept", accept);
		CustomerHttp.Response response;
		try {
			// Bytes, not a String: the signature covers exactly the UTF-8 that goes out.
			response = this.http
				.send(method.name(), uri, headers, body.getBytes(StandardCharsets.UTF_8), maxBytes, this.timeout)
				.get();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AnswerUrlFailure("interrupted");
		}
		catch (ExecutionException ex) {
			// The cause only, never the URL: a customer's query may carry a secret.
			Throwable cause = ex.getCause();
			throw new AnswerUrlFailure(cause.getClass().getSimpleName()
					+ ((cause.getMessage() != null) ? ": " + cause.getMessage() : ""));
		}
		if (!response.isSuccessful()) {
			throw new AnswerUrlFailure("HTTP status " + response.status());
		}
		// The Content-Type is not checked: many customers answer JSON as text/html.
		return response.body();
	}

	private static final class AnswerUrlFailure extends RuntimeException {

		AnswerUrlFailure(String message) {
			super(message, null, false, false);
		}

	}

}
