package asia.oncaller.accounts;

import java.util.List;

import asia.oncaller.api.Cursors;
import asia.oncaller.api.Page;
import asia.oncaller.auth.RestIdentity;
import asia.oncaller.auth.RestTokenKind;
import asia.oncaller.auth.RestTokens;
import asia.oncaller.billing.BalanceTransaction;
import asia.oncaller.billing.BalanceTransactionRepository;
import asia.oncaller.limits.LimitsProperties;
import asia.oncaller.tenant.AccountRepository;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.data.domain.Limit;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The account of the token: its balance and its ledger. */
@RestController
@RequestMapping(path = "/v1/account", produces = MediaType.APPLICATION_JSON_VALUE)
@RestTokens(RestTokenKind.ACCOUNT)
@Tag(name = "Account", description = "Account REST token")
class AccountController {

	private final AccountRepository accounts;

	private final BalanceTransactionRepository ledger;

	private final Cursors cursors;

	private final LimitsProperties limits;

	AccountController(AccountRepository accounts, BalanceTransactionRepository ledger, Cursors cursors,
			LimitsProperties limits) {
		this.accounts = accounts;
		this.ledger = ledger;
		this.cursors = cursors;
		this.limits = limits;
	}

	@GetMapping
	@Operation(summary = "The account: balance, currency, status and the call limits in force")
	AccountBodies.View get(RestIdentity account) {
		return AccountBodies.View.of(this.accounts.findById(account.accountId()).orElseThrow(), this.limits.calls());
	}

	@GetMapping("/transactions")
	@Operation(summary = "The balance ledger, newest first")
	Page<AccountBodies.Transaction> transactions(RestIdentity account, @RequestParam(required = false) String cursor,
			@RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit) {
		String scope = "transactions\u0001" + account.accountId();
		Long before = (cursor != null) ? id(this.cursors.decode(scope, cursor, 1).get(0)) : null;
		List<BalanceTransaction> rows = (before != null)
				? this.ledger.findByAccountIdAndIdLessThanOrderByIdDesc(account.accountId(), before, Limit.of(limit + 1))
				: this.ledger.findByAccountIdOrderByIdDesc(account.accountId(), Limit.of(limit + 1));
		List<AccountBodies.Transaction> views = rows.stream().limit(limit).map(AccountBodies.Transaction::of).toList();
		if (rows.size() <= limit) {
			return new Page<>(views, null);
		}
		return new Page<>(views, this.cursors.encode(scope, List.of(Long.toString(rows.get(limit - 1).getId()))));
	}

	private static long id(String part) {
		try {
			return Long.parseLong(part);
		}
		catch (NumberFormatException ex) {
			throw Cursors.invalid();
		}
	}

}
