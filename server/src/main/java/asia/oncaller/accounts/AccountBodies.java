package asia.oncaller.accounts;

import java.math.BigDecimal;
import java.time.Instant;

import asia.oncaller.api.Values;
import asia.oncaller.billing.BalanceTransaction;
import asia.oncaller.billing.TransactionKind;
import asia.oncaller.limits.LimitsProperties;
import asia.oncaller.tenant.Account;
import asia.oncaller.tenant.AccountStatus;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** What {@code /v1/account} and the operator's {@code /v1/accounts} read and answer. */
final class AccountBodies {

	/** The highest call limit an operator may set; more is no limit at all. */
	static final int MAX_LIMIT = 1_000_000;

	private AccountBodies() {
	}

	/** The operator creates an account. */
	record Create(@Schema(example = "Acme Ltd") @NotBlank @Size(max = 200) String name,
			@Schema(example = "USD") @NotNull @Pattern(regexp = "[A-Z]{3}",
					message = "must be an ISO 4217 code such as USD") String currency) {
	}

	/** The operator credits an account, once per idempotency key. */
	record TopUp(@Schema(example = "25.00") @NotNull @DecimalMin(value = "0", inclusive = false,
			message = "must be positive") @Digits(integer = 13, fraction = 6) BigDecimal amount,
			@Schema(description = "The same key credits once; repeat it safely",
					example = "invoice-2026-001") @NotBlank @Size(max = 128) String idempotencyKey) {
	}

	/** An account as its own token reads it: no secret. */
	record View(String id, String name, String balance, String currency, AccountStatus status, Instant createdAt,
			Limits limits) {

		static View of(Account account, LimitsProperties.Calls defaults) {
			return new View(account.getId(), account.getName(), Values.money(account.getBalance()),
					account.getCurrency(), account.getStatus(), Values.time(account.getCreatedAt()),
					Limits.of(account, defaults));
		}

	}

	/**
	 * The operator sets an account's call limits. PUT replaces both: an absent or null field
	 * returns that limit to the server's default ({@code oncaller.limits.calls}).
	 */
	record SetLimits(
			@Schema(description = "New calls per second (app, server and phone calls); null for the server's default",
					example = "20") @Min(1) @Max(MAX_LIMIT) Integer callAttemptsPerSecond,
			@Schema(description = "Live calls at once; null for the server's default",
					example = "100") @Min(1) @Max(MAX_LIMIT) Integer callsAtOnce) {
	}

	/** The call limits in force for an account: its own where the operator set them, else the defaults. */
	record Limits(@Schema(description = "New calls per second; past it call.make and POST /v1/calls get r=12 (429)",
			example = "200") int callAttemptsPerSecond,
			@Schema(description = "Live calls at once; past it call.make and POST /v1/calls get r=12 (429)",
					example = "1000") int callsAtOnce) {

		static Limits of(Account account, LimitsProperties.Calls defaults) {
			return new Limits(defaults.attemptsPerSecond(account.getCallAttemptsPerSecond()),
					defaults.atOnce(account.getCallsAtOnce()));
		}

	}

	/** A new account: the only answer that holds its secret. */
	record WithSecret(String id, String name, String balance, String currency, AccountStatus status,
			@Schema(description = "Signs account REST tokens. Shown once: store it now") String secret,
			Instant createdAt) {

		static WithSecret of(Account account) {
			return new WithSecret(account.getId(), account.getName(), Values.money(account.getBalance()),
					account.getCurrency(), account.getStatus(), account.getSecret(), Values.time(account.getCreatedAt()));
		}

		@Override
		public String toString() {
			// Spring's DEBUG log prints the bodies it writes; the secret must not be in it.
			return "WithSecret[id=" + this.id + ", secret=(hidden)]";
		}

	}

	/** One ledger row; the amount is signed (negative for call charges). */
	record Transaction(long id, TransactionKind kind, String amount, String balanceAfter, String callId,
			String idempotencyKey, Instant createdAt) {

		static Transaction of(BalanceTransaction row) {
			return new Transaction(row.getId(), row.getKind(), Values.money(row.getAmount()),
					Values.money(row.getBalanceAfter()), row.getCallId(), row.getIdempotencyKey(), Values.time(row.getCreatedAt()));
		}

	}

	/**
	 * An account REST token the operator had the server sign.
	 * @param token the compact JWT
	 * @param expiresAt when it stops being accepted
	 */
	record Token(String token, Instant expiresAt) {
	}

}
