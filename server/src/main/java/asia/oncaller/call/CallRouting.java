package asia.oncaller.call;

import java.util.Optional;

import asia.oncaller.billing.Rate;
import asia.oncaller.billing.RateFinder;
import asia.oncaller.billing.RatedCallType;
import asia.oncaller.billing.Tariff;
import asia.oncaller.control.ConnectAction;
import asia.oncaller.numbers.PhoneNumber;
import asia.oncaller.numbers.PhoneNumberRepository;
import asia.oncaller.trunks.SipTrunk;
import asia.oncaller.trunks.SipTrunkRepository;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Decides whether the SCCO's {@code connect} may be carried out for the account, with codes 3 to
 * 8 of {@code call.make} in their documented order: the callee type, the caller id number and
 * whose it is, the trunk and whose it is, then the price. The decision is {@link RouteDecision}'s;
 * this class gives it the account's numbers, trunks and rates. Whether the balance covers the
 * price is decided under the account's lock: for a new call when it is written
 * ({@link CallAdmission}), for a call that fails over here ({@link #routeWithinBalance}).
 */
@Component
class CallRouting {

	private final PhoneNumberRepository numbers;

	private final SipTrunkRepository trunks;

	private final RateFinder rates;

	private final CallCharging charging;

	CallRouting(PhoneNumberRepository numbers, SipTrunkRepository trunks, RateFinder rates, CallCharging charging) {
		this.numbers = numbers;
		this.trunks = trunks;
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

		/** What a call on this route holds back and is priced by, with no limit of its own to its length. */
		Money moneyWithoutLimit() {
			return Money.of(this.currency, this.rateId, this.tariff, (Integer) null);
		}

	}

	/**
	 * Where the account's call may go as {@code connect} says, and what prices it; the balance is
	 * not looked at.
	 * @param currency the account's currency (it never changes)
	 */
	Route route(String accountId, String currency, ConnectAction connect) {
		return RouteDecision.decide(accountId, connect, new AccountLookups(accountId, currency));
	}

	/**
	 * What prices a phone call the server answers itself to run its SCCO's actions
	 * (docs/billing.md §1): the account's {@code INTERNAL} rate for the dialled number, as a
	 * phone-to-app call is priced by the one for its app user; free when none matches.
	 */
	Route answeredNumber(String accountId, String currency, String dialledNumber) {
		return RouteDecision.answeredNumber(dialledNumber, new AccountLookups(accountId, currency));
	}

	/**
	 * As {@link #route}, and for a priced call whether the available balance covers its first
	 * increment (else code 8). Locks the account until the caller's transaction ends, so the call
	 * must be priced anew in that same transaction.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	Route routeWithinBalance(String accountId, String currency, ConnectAction connect) {
		Route route = route(accountId, currency, connect);
		if (route.outcome().ok() && route.tariff() != null && !this.charging.admits(accountId, route.tariff())) {
			return Route.refused(CallOutcome.NOT_ENOUGH_MONEY);
		}
		return route;
	}

	/** The decision's reads, from the repositories, for one account. */
	private final class AccountLookups implements RouteDecision.Lookups {

		private final String accountId;

		private final String currency;

		AccountLookups(String accountId, String currency) {
			this.accountId = accountId;
			this.currency = currency;
		}

		@Override
		public Optional<PhoneNumber> dialledNumber(String number) {
			return CallRouting.this.numbers.findDialled(number);
		}

		@Override
		public Optional<SipTrunk> trunkFor(PhoneNumber number) {
			if (number.getTrunkId() != null) {
				return CallRouting.this.trunks.findById(number.getTrunkId());
			}
			return CallRouting.this.trunks.findByAccountId(this.accountId)
				.stream()
				.filter(SipTrunk::isEnabled)
				.findFirst();
		}

		@Override
		public String currency() {
			return this.currency;
		}

		@Override
		public Optional<Rate> rate(RatedCallType type, String calleeNumber) {
			return CallRouting.this.rates.find(this.accountId, type, calleeNumber);
		}

	}

}
