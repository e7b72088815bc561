package asia.oncaller.accounts;

import java.net.URI;
import java.util.Optional;

import asia.oncaller.api.ApiException;
import asia.oncaller.api.OpenApiConfiguration;
import asia.oncaller.auth.OperatorOnly;
import asia.oncaller.billing.BalanceLedger;
import asia.oncaller.billing.BalanceTransaction;
import asia.oncaller.billing.BalanceTransactionRepository;
import asia.oncaller.limits.LimitsProperties;
import asia.oncaller.tenant.Account;
import asia.oncaller.tenant.AccountRepository;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What only the operator of the server does, with the configured {@code oncaller.operator.token}:
 * create accounts, credit their balances and set their call limits. Without that setting these
 * endpoints answer 404.
 */
@RestController
@RequestMapping(path = "/v1/accounts", produces = MediaType.APPLICATION_JSON_VALUE)
@OperatorOnly
@Tag(name = "Operator", description = "The operator token (oncaller.operator.token), not a JWT")
@SecurityRequirement(name = OpenApiConfiguration.OPERATOR)
class OperatorController {

	private final AccountRepository accounts;

	private final BalanceLedger ledger;

	private final BalanceTransactionRepository transactions;

	private final LimitsProperties limits;

	OperatorController(AccountRepository accounts, BalanceLedger ledger, BalanceTransactionRepository transactions,
			LimitsProperties limits) {
		this.accounts = accounts;
		this.ledger = ledger;
		this.transactions = transactions;
		this.limits = limits;
	}

	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Create an account; the answer holds its secret, once")
	ResponseEntity<AccountBodies.WithSecret> create(@Valid @RequestBody AccountBodies.Create request) {
		Account account = this.accounts.save(new Account(request.name(), request.currency()));
		return ResponseEntity.created(URI.create("/v1/accounts/" + account.getId()))
			.body(AccountBodies.WithSecret.of(account));
	}

	@PostMapping(path = "/{accountId}/top-ups", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Credit an account once per idempotency key: 201 the first time, 200 with the same "
			+ "row on a repeat, 409 when the key was used for another amount")
	ResponseEntity<AccountBodies.Transaction> topUp(@PathVariable String accountId,
			@Valid @RequestBody AccountBodies.TopUp request) {
		if (!this.accounts.existsById(accountId)) {
			throw ApiException.notFound("account");
		}
		Optional<BalanceTransaction> earlier = this.transactions.findByAccountIdAndIdempotencyKey(accountId,
				request.idempotencyKey());
		BalanceTransaction row = earlier
			.orElseGet(() -> this.ledger.topUp(accountId, request.amount(), request.idempotencyKey()));
		if (row.getAmount().compareTo(request.amount()) != 0) {
			throw ApiException.conflict("idempotencyKey was already used for a top-up of another amount");
		}
		return ResponseEntity.status(earlier.isPresent() ? HttpStatus.OK : HttpStatus.CREATED)
			.body(AccountBodies.Transaction.of(row));
	}

	@PutMapping(path = "/{accountId}/limits", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Set the account's call limits (both replaced; null or absent is the server's default); "
			+ "answers the limits in force")
	AccountBodies.Limits setLimits(@PathVariable String accountId, @Valid @RequestBody AccountBodies.SetLimits request) {
		Account account = this.accounts.findById(accountId).orElseThrow(() -> ApiException.notFound("account"));
		account.setCallLimits(request.callAttemptsPerSecond(), request.callsAtOnce());
		// A balance change at the same time bumps the version: 409, try again.
		return AccountBodies.Limits.of(this.accounts.save(account), this.limits.calls());
	}

}
