package asia.oncaller.api;

import java.net.URI;

import org.springframework.http.HttpStatus;

/**
 * Every kind of problem the REST API answers, in one list: a stable {@code type} URI, a title and
 * the {@code code} clients switch on. Two kinds carry a number of their own as {@code code}
 * instead: {@link #UNAUTHENTICATED} the authentication code of PROTOCOL §1, {@link #CALL_CONTROL}
 * the verb's {@code r}. The URIs identify; nothing needs to be served at them.
 */
public enum ProblemType {

	INVALID_REQUEST("invalid-request", "Invalid request", HttpStatus.BAD_REQUEST),

	INVALID_CURSOR("invalid-cursor", "Invalid cursor", HttpStatus.BAD_REQUEST),

	UNAUTHENTICATED("unauthenticated", "Unauthenticated", HttpStatus.UNAUTHORIZED),

	FORBIDDEN("forbidden", "Forbidden", HttpStatus.FORBIDDEN),

	NOT_FOUND("not-found", "Not found", HttpStatus.NOT_FOUND),

	METHOD_NOT_ALLOWED("method-not-allowed", "Method not allowed", HttpStatus.METHOD_NOT_ALLOWED),

	NOT_ACCEPTABLE("not-acceptable", "Not acceptable", HttpStatus.NOT_ACCEPTABLE),

	CONFLICT("conflict", "Conflict", HttpStatus.CONFLICT),

	UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", "Unsupported media type", HttpStatus.UNSUPPORTED_MEDIA_TYPE),

	/** A body over its documented size (a greeting file past {@code oncaller.greetings.max-size}). */
	TOO_LARGE("too-large", "Payload too large", HttpStatus.CONTENT_TOO_LARGE),

	UNKNOWN_REFERENCE("unknown-reference", "Unknown reference", HttpStatus.UNPROCESSABLE_CONTENT),

	RATE_LIMITED("rate-limited", "Too many requests", HttpStatus.TOO_MANY_REQUESTS),

	CALL_CONTROL("call-control", "Call control request failed", HttpStatus.BAD_REQUEST),

	SERVER_ERROR("server-error", "Server error", HttpStatus.INTERNAL_SERVER_ERROR),

	/** PostgreSQL cannot be reached: nothing was changed, and the same request may succeed later. */
	UNAVAILABLE("unavailable", "Temporarily unavailable", HttpStatus.SERVICE_UNAVAILABLE);

	/** Where every type URI starts. */
	public static final String BASE = "https://oncaller.asia/problems/";

	private final String slug;

	private final String title;

	private final HttpStatus status;

	ProblemType(String slug, String title, HttpStatus status) {
		this.slug = slug;
		this.title = title;
		this.status = status;
	}

	public URI uri() {
		return URI.create(BASE + this.slug);
	}

	/** The {@code code} of the problem, except for the two kinds that carry a number. */
	public String code() {
		return this.slug;
	}

	public String title() {
		return this.title;
	}

	/** The usual status; call-control problems choose theirs per result code. */
	public HttpStatus status() {
		return this.status;
	}

	/** The kind of a status that no handler named more precisely. */
	public static ProblemType forStatus(int status) {
		for (ProblemType type : values()) {
			if (type != CALL_CONTROL && type.status.value() == status) {
				return type;
			}
		}
		return (status >= 500) ? SERVER_ERROR : INVALID_REQUEST;
	}

}
