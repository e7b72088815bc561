package asia.oncaller.auth;

import java.util.Arrays;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Authenticates every {@code /v1} request before its controller runs: the operator credential on
 * {@link OperatorOnly} endpoints, else a REST token of a kind the endpoint names with
 * {@link RestTokens}. The identity is left in a request attribute, from which controllers get it
 * as a {@link RestIdentity} parameter, once the request fits its token's and account's rates
 * ({@link RestRequestRates}). Failures are exceptions that the REST error handler turns into
 * problem details (401, 403, 429, or 404 for a disabled operator API).
 */
@Component
class RestAuthInterceptor implements HandlerInterceptor {

	/** The request attribute that holds the {@link RestIdentity}. */
	static final String IDENTITY_ATTRIBUTE = RestIdentity.class.getName();

	/** The header of PROTOCOL §1; it wins over {@code Authorization} when both are sent. */
	static final String AUTH_HEADER = "X-OnCaller-Auth";

	private static final Logger log = LoggerFactory.getLogger(RestAuthInterceptor.class);

	private static final String BEARER = "Bearer ";

	private final RestTokenVerifier verifier;

	private final OperatorCredential operator;

	private final RestRequestRates rates;

	RestAuthInterceptor(RestTokenVerifier verifier, OperatorCredential operator, RestRequestRates rates) {
		this.verifier = verifier;
		this.operator = operator;
		this.rates = rates;
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		if (!(handler instanceof HandlerMethod method)) {
			// Not a controller (an unknown path, served as 404 by the resource handler).
			return true;
		}
		String credential = credential(request);
		if (find(method, OperatorOnly.class) != null) {
			this.operator.check(credential);
			return true;
		}
		RestTokens accepted = find(method, RestTokens.class);
		if (accepted == null) {
			log.error("{} is under /v1 but declares neither @RestTokens nor @OperatorOnly: refused",
					method.getShortLogMessage());
			throw new RestAccessDeniedException("This endpoint is not open to any token");
		}
		RestAuthentication authentication = this.verifier.verify(credential);
		if (!authentication.ok()) {
			throw new RestAuthenticationException(authentication.code());
		}
		RestIdentity identity = authentication.identity();
		// Before the kind check: a flood of wrong-kind requests costs a verification each too.
		this.rates.spend(credential, identity);
		if (!Arrays.asList(accepted.value()).contains(identity.kind())) {
			throw new RestAccessDeniedException(
					"This endpoint needs " + ((accepted.value()[0] == RestTokenKind.ACCOUNT) ? "an account" : "a project")
							+ " REST token");
		}
		request.setAttribute(IDENTITY_ATTRIBUTE, identity);
		return true;
	}

	/** The token of {@code X-OnCaller-Auth}, else of {@code Authorization: Bearer}, else {@code null}. */
	static String credential(HttpServletRequest request) {
		String header = request.getHeader(AUTH_HEADER);
		if (header != null) {
			return header.strip();
		}
		String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
		if (authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
			return authorization.substring(BEARER.length()).strip();
		}
		return null;
	}

	private static <A extends java.lang.annotation.Annotation> A find(HandlerMethod method, Class<A> type) {
		A onMethod = AnnotatedElementUtils.findMergedAnnotation(method.getMethod(), type);
		return (onMethod != null) ? onMethod : AnnotatedElementUtils.findMergedAnnotation(method.getBeanType(), type);
	}

}
