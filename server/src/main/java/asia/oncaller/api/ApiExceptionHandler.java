package asia.oncaller.api;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import asia.oncaller.auth.OperatorApiDisabledException;
import asia.oncaller.auth.RestAccessDeniedException;
import asia.oncaller.auth.RestAuthenticationException;
import asia.oncaller.auth.RestRateLimitedException;
import asia.oncaller.database.DatabaseUnreachable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.DatabindException;

import org.springframework.beans.TypeMismatchException;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * The one place where errors become RFC 9457 problem details, for every controller of the server:
 * each body has a {@link ProblemType} URI, a title, a detail fit to show, and a {@code code};
 * validation problems also list {@code errors: [{field, message}]}. Nothing internal (stack
 * traces, SQL, class names) reaches a response: unexpected exceptions are logged here and
 * answered with a bare 500.
 */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

	@ExceptionHandler
	ResponseEntity<Object> unauthenticated(RestAuthenticationException ex, WebRequest request) {
		ProblemDetail problem = ApiException.problem(ProblemType.UNAUTHENTICATED, HttpStatus.UNAUTHORIZED,
				ex.code().message(), Map.of());
		problem.setProperty("code", ex.code().code());
		HttpHeaders headers = new HttpHeaders();
		headers.set(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"oncaller\"");
		return createResponseEntity(problem, headers, HttpStatus.UNAUTHORIZED, request);
	}

	@ExceptionHandler
	ResponseEntity<Object> forbidden(RestAccessDeniedException ex, WebRequest request) {
		return problem(ProblemType.FORBIDDEN, ex.getMessage(), request);
	}

	@ExceptionHandler
	ResponseEntity<Object> rateLimited(RestRateLimitedException ex, WebRequest request) {
		ProblemDetail problem = ApiException.problem(ProblemType.RATE_LIMITED, HttpStatus.TOO_MANY_REQUESTS,
				ex.getMessage() + "; retry after " + ex.retryAfter().toSeconds() + " s", Map.of());
		HttpHeaders headers = new HttpHeaders();
		headers.set(HttpHeaders.RETRY_AFTER, Long.toString(ex.retryAfter().toSeconds()));
		return createResponseEntity(problem, headers, HttpStatus.TOO_MANY_REQUESTS, request);
	}

	@ExceptionHandler
	ResponseEntity<Object> operatorApiDisabled(OperatorApiDisabledException ex, WebRequest request) {
		return problem(ProblemType.NOT_FOUND, "No such resource", request);
	}

	@ExceptionHandler
	ResponseEntity<Object> conflict(DataIntegrityViolationException ex, WebRequest request) {
		// A race that a check before the write could not rule out; the SQL stays in the log.
		log.info("Conflicting write refused: {}", NestedExceptionUtils.getMostSpecificCause(ex).getMessage());
		return problem(ProblemType.CONFLICT, "The change conflicts with existing data", request);
	}

	@ExceptionHandler
	ResponseEntity<Object> concurrentChange(OptimisticLockingFailureException ex, WebRequest request) {
		return problem(ProblemType.CONFLICT, "Changed by another request at the same time; try again", request);
	}

	@ExceptionHandler
	ResponseEntity<Object> unexpected(Exception ex, WebRequest request) {
		if (ex instanceof ErrorResponse response) {
			// A web exception the base class does not list keeps its own status.
			return handleExceptionInternal(ex, response.getBody(), response.getHeaders(), response.getStatusCode(),
					request);
		}
		if (DatabaseUnreachable.isCause(ex)) {
			// An outage, not a bug: one line per request, the stack trace would hide the rest.
			log.warn("Request {} failed: database unreachable ({})", request.getDescription(false),
					NestedExceptionUtils.getMostSpecificCause(ex).toString());
			return problem(ProblemType.UNAVAILABLE, "Temporarily unavailable: nothing was changed, try again", request);
		}
		log.error("Request {} failed", request.getDescription(false), ex);
		return problem(ProblemType.SERVER_ERROR, "Server error: nothing was changed", request);
	}

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<Map<String, Object>> errors = ex.getBindingResult()
			.getFieldErrors()
			.stream()
			.map((error) -> fieldError(error.getField(), error.getDefaultMessage()))
			.sorted(Comparator.comparing((Map<String, Object> error) -> (String) error.get("field")))
			.toList();
		return validationProblem(errors, headers, request);
	}

	@Override
	protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<Map<String, Object>> errors = ex.getParameterValidationResults()
			.stream()
			.flatMap((result) -> result.getResolvableErrors()
				.stream()
				.map((error) -> fieldError(result.getMethodParameter().getParameterName(), error.getDefaultMessage())))
			.toList();
		return validationProblem(errors, headers, request);
	}

	@Override
	protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		String name = (ex.getPropertyName() != null) ? ex.getPropertyName() : "parameter";
		return validationProblem(List.of(fieldError(name, "has the wrong type")), headers, request);
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		Throwable cause = ex.getCause();
		if (cause instanceof DatabindException databind) {
			String field = databind.getPath()
				.stream()
				.map((reference) -> (reference.getPropertyName() != null) ? reference.getPropertyName()
						: "[" + reference.getIndex() + "]")
				.collect(Collectors.joining("."));
			if (!field.isEmpty()) {
				return validationProblem(List.of(fieldError(field, "has the wrong type or format")), headers, request);
			}
		}
		ProblemDetail problem = ApiException.problem(ProblemType.INVALID_REQUEST, HttpStatus.BAD_REQUEST,
				"The body is missing or not valid JSON", Map.of());
		return createResponseEntity(problem, headers, HttpStatus.BAD_REQUEST, request);
	}

	/** Gives every problem a type URI and a code, whichever handler made it. */
	@Override
	protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode statusCode,
			WebRequest request) {
		if (body instanceof ProblemDetail problem
				&& (problem.getProperties() == null || !problem.getProperties().containsKey("code"))) {
			ProblemType type = ProblemType.forStatus(statusCode.value());
			problem.setType(type.uri());
			problem.setTitle(type.title());
			problem.setProperty("code", type.code());
			if (statusCode.is5xxServerError()) {
				// Spring's own 5xx details may name internals.
				problem.setDetail("Server error: nothing was changed");
			}
		}
		return super.createResponseEntity(body, headers, statusCode, request);
	}

	private ResponseEntity<Object> problem(ProblemType type, String detail, WebRequest request) {
		ProblemDetail problem = ApiException.problem(type, type.status(), detail, Map.of());
		return createResponseEntity(problem, new HttpHeaders(), type.status(), request);
	}

	private ResponseEntity<Object> validationProblem(List<Map<String, Object>> errors, HttpHeaders headers,
			WebRequest request) {
		String detail = errors.stream()
			.map((error) -> error.get("field") + " " + error.get("message"))
			.collect(Collectors.joining("; "));
		ProblemDetail problem = ApiException.problem(ProblemType.INVALID_REQUEST, HttpStatus.BAD_REQUEST, detail,
				Map.of("errors", errors));
		return createResponseEntity(problem, headers, HttpStatus.BAD_REQUEST, request);
	}

	private static Map<String, Object> fieldError(String field, String message) {
		Map<String, Object> error = new LinkedHashMap<>();
		error.put("field", field);
		error.put("message", message);
		return error;
	}

}
