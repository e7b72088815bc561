package asia.oncaller.recording;

import java.time.Duration;

import asia.oncaller.billing.BalanceLedger;
import asia.oncaller.billing.RateFinder;
import asia.oncaller.billing.RatedCallType;
import asia.oncaller.billing.Tariff;
import asia.oncaller.tenant.Account;
import asia.oncaller.tenant.AccountRepository;

import org.springframework.stereotype.Component;

/**
 * Charges a kept recording by the account's {@code RECORD} rate, if it has one: its price per
 * minute, increment and fee apply to the audio's length as a call's rate applies to its answered
 * time (docs/billing.md). Once per call, however often it is asked; no rate, or a rate in another
 * currency than the account's balance (it could not be paid from it), no charge.
 */
@Component
class RecordingCharges {

	private final RateFinder rates;

	private final BalanceLedger ledger;

	private final AccountRepository accounts;

	RecordingCharges(RateFinder rates, BalanceLedger ledger, AccountRepository accounts) {
		this.rates = rates;
		this.ledger = ledger;
		this.accounts = accounts;
	}

	void charge(String accountId, String callId, Duration recorded) {
		String currency = this.accounts.findById(accountId).map(Account::getCurrency).orElse(null);
		this.rates.find(accountId, RatedCallType.RECORD, "")
			.filter((rate) -> rate.getCurrency().equals(currency))
			.map((rate) -> Tariff.of(rate).charge(recorded))
			.filter((charge) -> charge.cost().signum() > 0)
			.ifPresent((charge) -> this.ledger.chargeRecording(accountId, callId, charge.cost()));
	}

}
