package asia.oncaller.call;

import java.util.Optional;

import asia.oncaller.billing.Rate;
import asia.oncaller.billing.RateFinder;
import asia.oncaller.billing.RatedCallType;
import asia.oncaller.billing.Tariff;
import asia.oncaller.control.ConnectAction;
import asia.oncaller.numbers.PhoneNumber;
import asia.oncaller.numbers.PhoneNumberRepository;
import asia.oncaller.tenant.Account;
import asia.oncaller.tenant.AccountRepository;
import asia.oncaller.trunks.SipTrunk;
import asia.oncaller.trunks.SipTrunkRepository;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Decides whether the SCCO's {@code connect} may be carried out for the account, with codes 3 to
 * 8 of {@code call.make} in their documented order: the callee type, the caller id number and
 * whose it is, the trunk and whose it is, then the money. The money check locks the account
 * until the caller's transaction ends, so the call must be written in that same transaction.
 */
@Component
class CallRouting {

	private final PhoneNumberRepository numbers;

	private final SipTrunkRepository trunks;

	private final AccountRepository accounts;

	private final RateFinder rates;

	private final CallCharging charging;

	CallRouting(PhoneNumberRepository numbers, SipTrunkRepository trunks, AccountRepository accounts,
			RateFinder rates, CallCharging charging) {
		this.numbers = numbers;
		this.trunks = trunks;
		this.accounts = accounts;
		this.rates = rates;
		this.charging = charging;
	}

	/**
	 * Where a call may go: its outcome, and for a phone call the trunk and the caller id's number;
	 * the account's currency; the rate and prices that charge it, both {@code null} for a free call.
	 */
	record Route(CallOutcome outcome, String trunkId, String numberId, String currency, String rateId,
			Tariff tariff) {

		static Route refused(CallOutcome outcome) {
			return new Route(outcome, null, null, null, null, null);
		}

		/** What a call to this route's callee holds back and is priced by, until {@code connect}'s limit. */
		Money money(ConnectAction connect) {
			return Money.of(this.currency, this.rateId, this.tariff, connect);
		}

	}

	@Transactional(propagation = Propagation.MANDATORY)
	Route route(String accountId, ConnectAction connect) {
		if (!connect.to().isInternal() && !connect.to().isExternal()) {
			return Route.refused(CallOutcome.TO_TYPE_INVALID);
		}
		String trunkId = null;
		String numberId = null;
		if (connect.to().isExternal()) {
			Optional<PhoneNumber> number = this.numbers.findDialled(connect.from().number());
			if (number.isEmpty()) {
				return Route.refused(CallOutcome.FROM_NUMBER_NOT_FOUND);
			}
			if (!number.get().getAccountId().equals(accountId)) {
				return Route.refused(CallOutcome.FROM_NUMBER_NOT_YOURS);
			}
			Optional<SipTrunk> trunk = trunkFor(number.get(), accountId);
			if (trunk.isEmpty() || !trunk.get().isEnabled()) {
				return Route.refused(CallOutcome.TRUNK_NOT_FOUND);
			}
			if (!trunk.get().getAccountId().equals(accountId)) {
				return Route.refused(CallOutcome.TRUNK_NOT_YOURS);
			}
			trunkId = trunk.get().getId();
			numberId = number.get().getId();
		}
		Account account = this.accounts.findById(accountId).orElseThrow();
		RatedCallType type = connect.to().isInternal() ? RatedCallType.INTERNAL : RatedCallType.EXTERNAL;
		Optional<Rate> rate = this.rates.find(accountId, type, connect.to().number());
		if (rate.isEmpty()) {
			// App-to-app calls are free unless a rate prices them; a number nobody priced cannot be paid for.
			return (type == RatedCallType.INTERNAL)
					? new Route(CallOutcome.OK, trunkId, numberId, account.getCurrency(), null, null)
					: Route.refused(CallOutcome.NOT_ENOUGH_MONEY);
		}
		// The balance is in the account's currency; a rate in another one cannot be paid from it.
		Tariff tariff = Tariff.of(rate.get());
		if (!rate.get().getCurrency().equals(account.getCurrency()) || !this.charging.admits(accountId, tariff)) {
			return Route.refused(CallOutcome.NOT_ENOUGH_MONEY);
		}
		return new Route(CallOutcome.OK, trunkId, numberId, account.getCurrency(), rate.get().getId(), tariff);
	}

	/** The number's own trunk, else the first enabled trunk of the account. */
	private Optional<SipTrunk> trunkFor(PhoneNumber number, String accountId) {
		if (number.getTrunkId() != null) {
			return this.trunks.findById(number.getTrunkId());
		}
		return this.trunks.findByAccountId(accountId).stream().filter(SipTrunk::isEnabled).findFirst();
	}

}
