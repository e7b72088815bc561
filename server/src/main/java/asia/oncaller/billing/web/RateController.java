package asia.oncaller.billing.web;

import java.net.URI;

import asia.oncaller.api.AccountScopedPages;
import asia.oncaller.api.ApiException;
import asia.oncaller.api.Page;
import asia.oncaller.api.Paging;
import asia.oncaller.auth.RestIdentity;
import asia.oncaller.auth.RestTokenKind;
import asia.oncaller.auth.RestTokens;
import asia.oncaller.billing.Rate;
import asia.oncaller.billing.RateRepository;
import asia.oncaller.tenant.Account;
import asia.oncaller.tenant.AccountRepository;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** An account's rates: what its calls cost, by call type and longest destination prefix. */
@RestController
@RequestMapping(path = "/v1/rates", produces = MediaType.APPLICATION_JSON_VALUE)
@RestTokens(RestTokenKind.ACCOUNT)
@Tag(name = "Rates", description = "Account REST token")
class RateController {

	private final RateRepository rates;

	private final AccountRepository accounts;

	private final AccountScopedPages scoped;

	private final TransactionTemplate transaction;

	RateController(RateRepository rates, AccountRepository accounts, AccountScopedPages scoped,
			TransactionTemplate transaction) {
		this.rates = rates;
		this.accounts = accounts;
		this.scoped = scoped;
		this.transaction = transaction;
	}

	@GetMapping
	@Operation(summary = "List rates, newest first")
	Page<RateBodies.View> list(RestIdentity account, @RequestParam(required = false) String cursor,
			@RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit) {
		return this.scoped.list("rates", Rate.class, account.accountId(), cursor, limit,
				(rate) -> Paging.key(rate.getCreatedAt(), rate.getId()), RateBodies.View::of);
	}

	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Add a rate (409 when the account has one for this type and prefix)")
	ResponseEntity<RateBodies.View> create(RestIdentity account, @Valid @RequestBody RateBodies.Create request) {
		Account owner = this.accounts.findById(account.accountId()).orElseThrow();
		Rate rate = new Rate(account.accountId(), request.callType(), request.prefix(), request.pricePerMinute(),
				request.billingIncrementSeconds(), owner.getCurrency());
		rate.setConnectionFee(RateBodies.orZero(request.connectionFee()));
		// The unique (account, type, prefix) constraint answers a duplicate with a 409.
		Rate saved = this.rates.saveAndFlush(rate);
		return ResponseEntity.created(URI.create("/v1/rates/" + saved.getId())).body(RateBodies.View.of(saved));
	}

	@GetMapping("/{rateId}")
	@Operation(summary = "One rate")
	RateBodies.View get(RestIdentity account, @PathVariable String rateId) {
		return RateBodies.View.of(owned(account, rateId));
	}

	@PutMapping(path = "/{rateId}", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Change a rate's price")
	RateBodies.View update(RestIdentity account, @PathVariable String rateId,
			@Valid @RequestBody RateBodies.Update request) {
		return this.transaction.execute((status) -> {
			Rate rate = owned(account, rateId);
			rate.reprice(request.pricePerMinute(), request.billingIncrementSeconds(),
					RateBodies.orZero(request.connectionFee()));
			return RateBodies.View.of(this.rates.saveAndFlush(rate));
		});
	}

	@DeleteMapping("/{rateId}")
	@Operation(summary = "Delete a rate")
	ResponseEntity<Void> delete(RestIdentity account, @PathVariable String rateId) {
		this.transaction.executeWithoutResult((status) -> this.rates.delete(owned(account, rateId)));
		return ResponseEntity.noContent().build();
	}

	private Rate owned(RestIdentity account, String rateId) {
		return this.scoped.find(Rate.class, account.accountId(), rateId)
			.orElseThrow(() -> ApiException.notFound("rate"));
	}

}
