package asia.oncaller.control;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import asia.oncaller.tenant.CallingProject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.convert.ConversionException;
import org.springframework.core.convert.ConversionService;
import org.springframework.core.convert.support.DefaultConversionService;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/**
 * Answers this server's own requests to its built-in SCCO helper without HTTP: a project whose
 * answer_url is the helper (the demo project's is) would otherwise have every call wait on a
 * signed HTTP request from the server to itself, which cost about a sixth of a call's CPU. The
 * answer is the one {@link SccoHelperController} gives: the same {@link SccoHelper}, with the
 * parameters bound as Spring MVC binds them (the same conversions, an empty value taking the
 * default) and the SCCO read by the same parser.
 * <p>
 * Only a URL that certainly reaches this server's helper is recognised: the scheme this server
 * serves, {@code 127.0.0.1} or {@code localhost} while it listens on loopback, its port, and the
 * helper's exact path. Anything else, and any query that HTTP might read differently (a
 * parameter given twice, bytes that are not plain percent-encoded ASCII), is asked over HTTP as
 * before; so is every customer's URL.
 */
@Component
class SccoHelperRequest {

	private static final Logger log = LoggerFactory.getLogger(SccoHelperRequest.class);

	// The converters Spring MVC uses for @RequestParam int and boolean: "0x10" is 16, "on" is true.
	private static final ConversionService CONVERSIONS = DefaultConversionService.getSharedInstance();

	private static final Set<String> LOOPBACK_NAMES = Set.of("127.0.0.1", "localhost");

	private static final Set<String> LISTENS_ON_LOOPBACK = Set.of("127.0.0.1", "localhost", "0.0.0.0", "::", "[::]");

	private final SccoHelper helper;

	private final Environment environment;

	/** Read once the web server has started (see {@link #helperAddress}). */
	private volatile HelperAddress address;

	SccoHelperRequest(SccoHelper helper, Environment environment) {
		this.helper = helper;
		this.environment = environment;
	}

	/**
	 * The helper's decision for this request, if the request is to this server's helper and can
	 * be answered here exactly as over HTTP.
	 * @param request the full answer_url request, with the server's parameters added
	 * @param known the calling project, if the caller has it (else the helper looks it up)
	 * @return empty when the request must go over HTTP
	 */
	Optional<CallControlDecision> answer(URI request, CallingProject known) {
		if (!isThisServersHelper(request)) {
			return Optional.empty();
		}
		Map<String, String> query = singleValued(request.getRawQuery());
		if (query == null) {
			return Optional.empty();
		}
		try {
			return Optional.of(SccoParser.decide(SccoParser.read(this.helper.answer(required(query, "from"),
					required(query, "to"), query.get("userId"), query.get("projectId"),
					orDefault(query.get("appToPhone"), "false"),
					convert(query.get("timeout"), ConnectAction.DEFAULT_TIMEOUT_SECONDS, Integer.class),
					convert(query.get("maxConnectTime"), ConnectAction.UNLIMITED_CONNECT_TIME, Integer.class),
					convert(query.get("peerToPeerCall"), true, Boolean.class),
					new SccoHelper.Recording(convert(query.get("record"), false, Boolean.class),
							orDefault(query.get("recordFormat"), "mp3")),
					known))));
		}
		catch (ResponseStatusException ex) {
			// Over HTTP this is a 400, which the answer_url client reports as code 1.
			log.info("answer_url {} (this server's SCCO helper) failed: {}", SccoHelper.PATH, ex.getReason());
			return Optional.of(CallControlDecision.Failed.answerUrlFailed());
		}
		catch (InvalidSccoException ex) {
			log.info("answer_url {} (this server's SCCO helper) gave no valid SCCO: {}", SccoHelper.PATH,
					ex.getMessage());
			return Optional.of(CallControlDecision.Failed.incorrectFormat());
		}
	}

	private boolean isThisServersHelper(URI request) {
		HelperAddress helper = helperAddress();
		if (helper == null) {
			return false;
		}
		int requestPort = (request.getPort() != -1) ? request.getPort() : ("https".equals(helper.scheme()) ? 443 : 80);
		return requestPort == helper.port() && helper.scheme().equalsIgnoreCase(request.getScheme())
				&& request.getRawUserInfo() == null && request.getHost() != null
				&& LOOPBACK_NAMES.contains(request.getHost().toLowerCase(Locale.ROOT)) && helper.onLoopback()
				&& helper.path().equals(request.getRawPath());
	}

	/**
	 * Where this server serves its helper, read from the environment once its port is known:
	 * each property look-up walks every property source, which cost more per call than the rest
	 * of the in-process answer. {@code null} until the web server has started.
	 */
	private HelperAddress helperAddress() {
		HelperAddress known = this.address;
		if (known != null) {
			return known;
		}
		Integer port = this.environment.getProperty("local.server.port", Integer.class);
		if (port == null) {
			return null;
		}
		String listening = this.environment.getProperty("server.address");
		known = new HelperAddress(port,
				this.environment.getProperty("server.ssl.enabled", Boolean.class, false) ? "https" : "http",
				listening == null || listening.isEmpty() || LISTENS_ON_LOOPBACK.contains(listening),
				this.environment.getProperty("server.servlet.context-path", "") + SccoHelper.PATH);
		this.address = known;
		return known;
	}

	/** This server's port and scheme, whether it listens on loopback, and the helper's path. */
	private record HelperAddress(int port, String scheme, boolean onLoopback, String path) {
	}

	/**
	 * The query's parameters, decoded as Tomcat decodes them ({@code +} is a space), or
	 * {@code null} when a name comes twice (Spring would join or pick values) or the query holds
	 * anything but printable ASCII and valid percent-escapes of UTF-8.
	 */
	private static Map<String, String> singleValued(String rawQuery) {
		Map<String, String> parameters = new HashMap<>();
		if (rawQuery == null) {
			return parameters;
		}
		if (!rawQuery.chars().allMatch((c) -> c > 0x20 && c < 0x7f)) {
			return null;
		}
		for (String pair : rawQuery.split("&")) {
			if (pair.isEmpty()) {
				continue;
			}
			int equals = pair.indexOf('=');
			String name;
			String value;
			try {
				name = URLDecoder.decode((equals < 0) ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
				value = (equals < 0) ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
			}
			catch (IllegalArgumentException ex) {
				return null;
			}
			if (name.isEmpty() || name.indexOf('\uFFFD') >= 0 || value.indexOf('\uFFFD') >= 0
					|| parameters.putIfAbsent(name, value) != null) {
				return null;
			}
		}
		return parameters;
	}

	private static String required(Map<String, String> query, String name) {
		String value = query.get(name);
		if (value == null) {
			throw SccoHelper.badRequest("Required parameter '" + name + "' is not present.");
		}
		return value;
	}

	// @RequestParam(defaultValue = ...): a missing or empty parameter takes the default.
	private static String orDefault(String value, String defaultValue) {
		return (value == null || value.isEmpty()) ? defaultValue : value;
	}

	private static <T> T convert(String value, T defaultValue, Class<T> type) {
		if (value == null || value.isEmpty()) {
			return defaultValue;
		}
		try {
			T converted = CONVERSIONS.convert(value, type);
			if (converted == null) {
				throw SccoHelper.badRequest("Parameter has the wrong type");
			}
			return converted;
		}
		catch (ConversionException ex) {
			throw SccoHelper.badRequest("Parameter has the wrong type");
		}
	}

}
