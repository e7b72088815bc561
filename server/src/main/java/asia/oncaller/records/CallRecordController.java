package asia.oncaller.records;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;

import asia.oncaller.api.ApiException;
import asia.oncaller.api.Cursors;
import asia.oncaller.api.Keyset;
import asia.oncaller.api.Page;
import asia.oncaller.auth.RestIdentity;
import asia.oncaller.auth.RestTokenKind;
import asia.oncaller.auth.RestTokens;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * Call records for operators (PROTOCOL §5): a project token sees its project's calls, an account
 * token its account's. The listing pages by keyset, newest first; the same query with
 * {@code Accept: text/csv} streams every matching record as CSV, with no row limit.
 */
@RestController
@RequestMapping("/v1/calls")
@RestTokens({ RestTokenKind.PROJECT, RestTokenKind.ACCOUNT })
@Tag(name = "Call records", description = "Project or account REST token")
class CallRecordController {

	static final MediaType TEXT_CSV = MediaType.parseMediaType("text/csv");

	private final CallRecordQuery query;

	private final Cursors cursors;

	CallRecordController(CallRecordQuery query, Cursors cursors) {
		this.query = query;
		this.cursors = cursors;
	}

	@GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "List call records, newest first, a page at a time")
	Page<CallRecord> list(RestIdentity tenant, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, @RequestParam(required = false) String userId,
			@Parameter(description = "CALLING, RINGING, ANSWERED, BUSY, ENDED; several comma-separated",
					example = "ENDED") @RequestParam(required = false) String status,
			@Parameter(description = "APP_TO_APP, APP_TO_PHONE, PHONE_TO_APP; several comma-separated") @RequestParam(
					required = false) String direction,
			@Parameter(description = "Inclusive, ISO-8601", example = "2026-01-01T00:00:00Z") @RequestParam(
					required = false) String startedAfter,
			@Parameter(description = "Exclusive, ISO-8601", example = "2026-02-01T00:00:00Z") @RequestParam(
					required = false) String startedBefore,
			@Parameter(description = "nextCursor of the previous page") @RequestParam(required = false) String cursor,
			@RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit) {
		CallRecordFilter filter = CallRecordFilter.of(from, to, userId, status, direction, startedAfter, startedBefore);
		String scope = scope(tenant, filter);
		Keyset after = (cursor != null) ? Keyset.fromParts(this.cursors.decode(scope, cursor, 2)) : null;
		List<CallRecord> rows = this.query.page(tenant, filter, after, limit + 1);
		if (rows.size() <= limit) {
			return new Page<>(rows, null);
		}
		CallRecord last = rows.get(limit - 1);
		return new Page<>(rows.subList(0, limit),
				this.cursors.encode(scope, new Keyset(last.createdAt(), last.callId()).toParts()));
	}

	@GetMapping(produces = "text/csv")
	@Operation(summary = "Export the same query as CSV (Accept: text/csv), streamed, every matching record")
	ResponseEntity<StreamingResponseBody> export(RestIdentity tenant, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, @RequestParam(required = false) String userId,
			@RequestParam(required = false) String status, @RequestParam(required = false) String direction,
			@RequestParam(required = false) String startedAfter, @RequestParam(required = false) String startedBefore,
			@RequestParam(required = false) String cursor) {
		// Everything that can fail with a problem detail is checked before the first byte goes out.
		CallRecordFilter filter = CallRecordFilter.of(from, to, userId, status, direction, startedAfter, startedBefore);
		Keyset after = (cursor != null) ? Keyset.fromParts(this.cursors.decode(scope(tenant, filter), cursor, 2))
				: null;
		StreamingResponseBody body = (stream) -> {
			BufferedWriter out = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 64 * 1024);
			CallRecordCsv.header(out);
			this.query.forEach(tenant, filter, after, (record) -> CallRecordCsv.record(out, record));
			out.flush();
		};
		return ResponseEntity.ok()
			.contentType(new MediaType(TEXT_CSV, StandardCharsets.UTF_8))
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"calls.csv\"")
			.body(body);
	}

	@GetMapping(path = "/{callId}", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "One call record")
	CallRecord get(RestIdentity tenant, @PathVariable String callId) {
		return this.query.find(tenant, callId).orElseThrow(() -> ApiException.notFound("call"));
	}

	private static String scope(RestIdentity tenant, CallRecordFilter filter) {
		return "calls\u0001" + tenant.accountId() + "\u0001" + tenant.projectId() + "\u0001" + filter.canonical();
	}

}
