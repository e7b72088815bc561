package asia.oncaller.recording;

import java.time.Duration;

import asia.oncaller.billing.BalanceLedger;
import asia.oncaller.billing.RateFinder;
import asia.oncaller.billing.RatedCallType;
import asia.oncaller.billing.Tariff;

import org.springframework.stereotype.Component;

/**
 * Charges a kept recording by the account's {@code RECORD} rate, if it has one: its price per
 * minute, increment and fee apply to the audio's length as a call's rate applies to its answered
 * time (docs/billing.md). Once per call, however often it is asked; no rate, no charge.
 */
@Component
class RecordingCharges {

	private final RateFinder rates;

	private final BalanceLedger ledger;

	RecordingCharges(RateFinder rates, BalanceLedger ledger) {
		this.rates = rates;
		this.ledger = ledger;
	}

	void charge(String accountId, String callId, Duration recorded) {
		this.rates.find(accountId, RatedCallType.RECORD, "")
			.map((rate) -> Tariff.of(rate).charge(recorded))
			.filter((charge) -> charge.cost().signum() > 0)
			.ifPresent((charge) -> this.ledger.chargeRecording(accountId, callId, charge.cost()));
	}

}
