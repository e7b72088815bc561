package asia.oncaller.accounts;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import asia.oncaller.api.ApiException;
import asia.oncaller.api.Cursors;
import asia.oncaller.api.OpenApiConfiguration;
import asia.oncaller.api.Page;
import asia.oncaller.auth.OperatorOnly;
import asia.oncaller.auth.TokenIssuer;
import asia.oncaller.limits.LimitsProperties;
import asia.oncaller.tenant.Account;
import asia.oncaller.tenant.AccountRepository;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.data.domain.Limit;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the console needs for the operator to act as an account (issue 19): the accounts to pick
 * from, and a short-lived account REST token for the one picked, so that the console reads and
 * manages the account through the same endpoints as its owner does. The account's secret never
 * leaves the server.
 */
@RestController
@RequestMapping(path = "/v1/accounts", produces = MediaType.APPLICATION_JSON_VALUE)
@OperatorOnly
@Tag(name = "Operator", description = "The operator token (oncaller.operator.token), not a JWT")
@SecurityRequirement(name = OpenApiConfiguration.OPERATOR)
class OperatorConsoleController {

	/** Long enough for a session at the console, short enough that a leaked one soon expires. */
	static final Duration TOKEN_TTL = Duration.ofMinutes(15);

	private static final String SCOPE = "accounts";

	private final AccountRepository accounts;

	private final TokenIssuer issuer;

	private final Cursors cursors;

	private final LimitsProperties limits;

	OperatorConsoleController(AccountRepository accounts, TokenIssuer issuer, Cursors cursors,
			LimitsProperties limits) {
		this.accounts = accounts;
		this.issuer = issuer;
		this.cursors = cursors;
		this.limits = limits;
	}

	@GetMapping
	@Operation(summary = "List the accounts by SID, a page at a time")
	Page<AccountBodies.View> list(@RequestParam(required = false) String cursor,
			@RequestParam(defaultValue = "50") @Min(1) @Max(100) int limit) {
		List<Account> rows = (cursor != null)
				? this.accounts.findByIdGreaterThanOrderByIdAsc(this.cursors.decode(SCOPE, cursor, 1).get(0),
						Limit.of(limit + 1))
				: this.accounts.findAllByOrderByIdAsc(Limit.of(limit + 1));
		List<AccountBodies.View> views = rows.stream()
			.limit(limit)
			.map((account) -> AccountBodies.View.of(account, this.limits.calls()))
			.toList();
		String next = (rows.size() > limit) ? this.cursors.encode(SCOPE, List.of(rows.get(limit - 1).getId())) : null;
		return new Page<>(views, next);
	}

	@PostMapping("/{accountId}/tokens")
	@Operation(summary = "A 15-minute account REST token of the account, for the console")
	AccountBodies.Token token(@PathVariable String accountId) {
		Account account = this.accounts.findById(accountId).orElseThrow(() -> ApiException.notFound("account"));
		Instant expiresAt = Instant.now().plus(TOKEN_TTL);
		return new AccountBodies.Token(this.issuer.restToken(account.getId(), account.getSecret(), TOKEN_TTL),
				expiresAt);
	}

}
