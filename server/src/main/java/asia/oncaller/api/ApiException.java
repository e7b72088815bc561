package asia.oncaller.api;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A documented failure of a REST request (not a bug), rendered as an RFC 9457 problem detail of
 * one {@link ProblemType}.
 */
public class ApiException extends ErrorResponseException {

	ApiException(ProblemType type, String detail) {
		this(type, type.status(), detail, Map.of());
	}

	ApiException(ProblemType type, HttpStatusCode status, String detail, Map<String, Object> properties) {
		super(status, problem(type, status, detail, properties), null);
	}

	public static ProblemDetail problem(ProblemType type, HttpStatusCode status, String detail,
			Map<String, Object> properties) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(type.uri());
		problem.setTitle(type.title());
		problem.setProperty("code", type.code());
		properties.forEach(problem::setProperty);
		return problem;
	}

	/** The answer for an id that is missing or not the caller's: the two must look the same. */
	public static ApiException notFound(String what) {
		return new ApiException(ProblemType.NOT_FOUND, "No such " + what);
	}

	public static ApiException invalid(String field, String message) {
		return new ApiException(ProblemType.INVALID_REQUEST, ProblemType.INVALID_REQUEST.status(),
				field + " " + message, Map.of("errors", List.of(Map.of("field", field, "message", message))));
	}

	public static ApiException conflict(String detail) {
		return new ApiException(ProblemType.CONFLICT, detail);
	}

	/** Too many requests or streams of one caller at once. */
	public static ApiException rateLimited(String detail) {
		return new ApiException(ProblemType.RATE_LIMITED, detail);
	}

	/** A body past its size cap. */
	public static ApiException tooLarge(String detail) {
		return new ApiException(ProblemType.TOO_LARGE, detail);
	}

	/** A body of a type the endpoint does not take. */
	public static ApiException unsupportedMediaType(String detail) {
		return new ApiException(ProblemType.UNSUPPORTED_MEDIA_TYPE, detail);
	}

	/** A body field names something that does not exist for this account (or at all). */
	public static ApiException unknownReference(String field, String what) {
		return new ApiException(ProblemType.UNKNOWN_REFERENCE, ProblemType.UNKNOWN_REFERENCE.status(),
				field + ": no such " + what,
				Map.of("errors", List.of(Map.of("field", field, "message", "no such " + what))));
	}

	@Override
	public synchronized Throwable fillInStackTrace() {
		// Raised for everyday client mistakes; a stack trace would only cost time.
		return this;
	}

}
