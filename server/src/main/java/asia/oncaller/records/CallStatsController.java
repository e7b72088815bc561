package asia.oncaller.records;

import asia.oncaller.auth.RestIdentity;
import asia.oncaller.auth.RestTokenKind;
import asia.oncaller.auth.RestTokens;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The console's charts (issue 19): calls per hour, ASR, average duration and cost per day, and
 * unanswered calls by reason, for a range of at most 31 days, within the token's tenant as the
 * call records are.
 */
@RestController
@RestTokens({ RestTokenKind.PROJECT, RestTokenKind.ACCOUNT })
@Tag(name = "Call records", description = "Project or account REST token")
class CallStatsController {

	private final CallStatsQuery query;

	CallStatsController(CallStatsQuery query) {
		this.query = query;
	}

	@GetMapping(path = "/v1/call-stats", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Aggregates of the calls created in a range (at most 31 days) for charts")
	CallStats stats(RestIdentity tenant,
			@Parameter(description = "Inclusive, ISO-8601", example = "2026-01-01T00:00:00Z") @RequestParam(
					required = false) String from,
			@Parameter(description = "Exclusive, ISO-8601", example = "2026-01-31T00:00:00Z") @RequestParam(
					required = false) String to,
			@Parameter(description = "IANA zone of the hours and days (default UTC)",
					example = "Europe/Paris") @RequestParam(required = false) String timeZone) {
		CallStatsRange range = CallStatsRange.of(from, to, timeZone);
		return CallStats.of(range, this.query.read(tenant, range));
	}

}
