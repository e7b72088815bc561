package asia.oncaller.call;

import java.util.Optional;

import asia.oncaller.billing.Rate;
import asia.oncaller.billing.RatedCallType;
import asia.oncaller.billing.Tariff;
import asia.oncaller.call.CallRouting.Route;
import asia.oncaller.control.ConnectAction;
import asia.oncaller.numbers.PhoneNumber;
import asia.oncaller.trunks.SipTrunk;

/**
 * What {@link CallRouting} decides, apart from where it reads: codes 3 to 8 of {@code call.make}
 * in their documented order (the callee type, the caller id number and whose it is, the trunk and
 * whose it is, then the price). It asks each {@link Lookups lookup} only once the decision gets
 * there. Whether the balance covers the price is not decided here but under the account's lock,
 * when the call is written ({@link CallAdmission}). Kept apart so that the order and the price
 * rules are tested without a database.
 */
final class RouteDecision {

	/** What the decision reads about the calling account, in the order it reads it. */
	interface Lookups {

		/** The number that dials the caller id {@code number}, whichever account holds it. */
		Optional<PhoneNumber> dialledNumber(String number);

		/** The number's own trunk, else the first enabled trunk of the account. */
		Optional<SipTrunk> trunkFor(PhoneNumber number);

		/** The account's currency, the one its balance is kept in. */
		String currency();

		/** The account's rate for a call of this type to this callee number. */
		Optional<Rate> rate(RatedCallType type, String calleeNumber);

	}

	private RouteDecision() {
	}

	/** Where the account's call may go as {@code connect} says, or the first code that refuses it. */
	static Route decide(String accountId, ConnectAction connect, Lookups lookups) {
		if (!connect.to().isInternal() && !connect.to().isExternal()) {
			return Route.refused(CallOutcome.TO_TYPE_INVALID);
		}
		String trunkId = null;
		String numberId = null;
		if (connect.to().isExternal()) {
			Optional<PhoneNumber> number = lookups.dialledNumber(connect.from().number());
			if (number.isEmpty()) {
				return Route.refused(CallOutcome.FROM_NUMBER_NOT_FOUND);
			}
			if (!number.get().getAccountId().equals(accountId)) {
				return Route.refused(CallOutcome.FROM_NUMBER_NOT_YOURS);
			}
			Optional<SipTrunk> trunk = lookups.trunkFor(number.get());
			if (trunk.isEmpty() || !trunk.get().isEnabled()) {
				return Route.refused(CallOutcome.TRUNK_NOT_FOUND);
			}
			if (!trunk.get().getAccountId().equals(accountId)) {
				return Route.refused(CallOutcome.TRUNK_NOT_YOURS);
			}
			trunkId = trunk.get().getId();
			numberId = number.get().getId();
		}
		RatedCallType type = connect.to().isInternal() ? RatedCallType.INTERNAL : RatedCallType.EXTERNAL;
		return priced(type, connect.to().number(), trunkId, numberId, lookups);
	}

	/**
	 * The price of a phone call that the server answers itself (its SCCO runs actions first): the
	 * {@code INTERNAL} rate for the number dialled, free when none matches, since the call came
	 * in to the account as a phone-to-app call does.
	 */
	static Route answeredNumber(String dialledNumber, Lookups lookups) {
		return priced(RatedCallType.INTERNAL, dialledNumber, null, null, lookups);
	}

	private static Route priced(RatedCallType type, String calleeNumber, String trunkId, String numberId,
			Lookups lookups) {
		String currency = lookups.currency();
		Optional<Rate> rate = lookups.rate(type, calleeNumber);
		if (rate.isEmpty()) {
			// App-to-app calls are free unless a rate prices them; a number nobody priced cannot be paid for.
			return (type == RatedCallType.INTERNAL) ? new Route(CallOutcome.OK, trunkId, numberId, currency, null, null)
					: Route.refused(CallOutcome.NOT_ENOUGH_MONEY);
		}
		// The balance is in the account's currency; a rate in another one cannot be paid from it.
		if (!rate.get().getCurrency().equals(currency)) {
			return Route.refused(CallOutcome.NOT_ENOUGH_MONEY);
		}
		return new Route(CallOutcome.OK, trunkId, numberId, currency, rate.get().getId(), Tariff.of(rate.get()));
	}

}
