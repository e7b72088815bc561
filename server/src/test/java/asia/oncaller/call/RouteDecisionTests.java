package asia.oncaller.call;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import asia.oncaller.billing.Rate;
import asia.oncaller.billing.RatedCallType;
import asia.oncaller.billing.Tariff;
import asia.oncaller.call.CallRouting.Route;
import asia.oncaller.control.ConnectAction;
import asia.oncaller.control.Endpoint;
import asia.oncaller.numbers.PhoneNumber;
import asia.oncaller.trunks.SipTransport;
import asia.oncaller.trunks.SipTrunk;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Where a call may go, without Spring or a database: codes 3 to 8 of {@code call.make} come in
 * their documented order, app-to-app calls are free unless priced, and a phone number nobody
 * priced or a rate in another currency cannot be paid. (Whether the balance covers a price is
 * decided when the call is written: {@code CallAdmissionIntegrationTests}.)
 */
class RouteDecisionTests {

	private static final String ACCOUNT = "AC-mine";

	private static final String OUR_NUMBER = "+15550100";

	private final Accounts lookups = new Accounts("USD");

	@Test
	void calleeOfNoKnownTypeIsRefusedBeforeAnythingIsRead() {
		Route route = RouteDecision.decide(ACCOUNT, connect(new Endpoint("sip", "bob", null)), this.lookups);
		assertThat(route.outcome()).isEqualTo(CallOutcome.TO_TYPE_INVALID);
		assertThat(this.lookups.asked).isEmpty();
	}

	@Test
	void anAppsConnectToAWebSocketIsRefusedAsACalleeOfNoKnownType() {
		// Only a phone call's SCCO runner streams to a WebSocket; an app's call is not anchored yet.
		Route route = RouteDecision.decide(ACCOUNT, connect(new Endpoint("websocket", "websocket", null)), this.lookups);
		assertThat(route.outcome()).isEqualTo(CallOutcome.TO_TYPE_INVALID);
	}

	@Test
	void unpricedAppToAppCallIsFreeAndNeedsNoNumberNorTrunk() {
		Route route = RouteDecision.decide(ACCOUNT, toUser("bob"), this.lookups);
		assertThat(route.outcome()).isEqualTo(CallOutcome.OK);
		assertThat(route.currency()).isEqualTo("USD");
		assertThat(route.rateId()).isNull();
		assertThat(route.tariff()).isNull();
		assertThat(route.trunkId()).isNull();
		assertThat(this.lookups.asked).containsExactly("currency", "rate INTERNAL bob");
	}

	@Test
	void pricedAppToAppCallIsChargedByItsRate() {
		Rate rate = this.lookups.price(RatedCallType.INTERNAL, "0.60", "USD");
		Route route = RouteDecision.decide(ACCOUNT, toUser("bob"), this.lookups);
		assertThat(route.outcome()).isEqualTo(CallOutcome.OK);
		assertThat(route.rateId()).isEqualTo(rate.getId());
		assertThat(route.tariff()).isEqualTo(new Tariff(new BigDecimal("0.6"), 60, BigDecimal.ZERO));
		assertThat(this.lookups.asked).containsExactly("currency", "rate INTERNAL bob");
	}

	@Test
	void rateInAnotherCurrencyIsNotEnoughMoney() {
		this.lookups.price(RatedCallType.INTERNAL, "0.60", "EUR");
		assertThat(RouteDecision.decide(ACCOUNT, toUser("bob"), this.lookups).outcome())
			.isEqualTo(CallOutcome.NOT_ENOUGH_MONEY);
	}

	@Test
	void aPhoneCallTheServerAnswersIsPricedByTheInternalRateOfTheDialledNumberAndFreeWithoutOne() {
		Route free = RouteDecision.answeredNumber(OUR_NUMBER, this.lookups);
		assertThat(free.outcome()).isEqualTo(CallOutcome.OK);
		assertThat(free.tariff()).isNull();
		assertThat(free.trunkId()).isNull();
		this.lookups.price(RatedCallType.EXTERNAL, "9.00", "USD");
		Rate rate = this.lookups.price(RatedCallType.INTERNAL, "0.60", "USD");
		Route priced = RouteDecision.answeredNumber(OUR_NUMBER, this.lookups);
		assertThat(priced.rateId()).isEqualTo(rate.getId());
		assertThat(priced.tariff()).isEqualTo(new Tariff(new BigDecimal("0.6"), 60, BigDecimal.ZERO));
		assertThat(this.lookups.asked).containsExactly("currency", "rate INTERNAL " + OUR_NUMBER, "currency",
				"rate INTERNAL " + OUR_NUMBER);
		this.lookups.price(RatedCallType.INTERNAL, "0.60", "EUR");
		assertThat(RouteDecision.answeredNumber(OUR_NUMBER, this.lookups).outcome())
			.isEqualTo(CallOutcome.NOT_ENOUGH_MONEY);
	}

	@Test
	void phoneCallGoesOutOnTheNumbersTrunkPricedByTheExternalRate() {
		SipTrunk trunk = this.lookups.trunk(ACCOUNT, true);
		PhoneNumber number = this.lookups.number(OUR_NUMBER, ACCOUNT, trunk);
		Rate rate = this.lookups.price(RatedCallType.EXTERNAL, "0.60", "USD");
		Route route = RouteDecision.decide(ACCOUNT, toPhone("15550123"), this.lookups);
		assertThat(route.outcome()).isEqualTo(CallOutcome.OK);
		assertThat(route.trunkId()).isEqualTo(trunk.getId());
		assertThat(route.numberId()).isEqualTo(number.getId());
		assertThat(route.rateId()).isEqualTo(rate.getId());
		assertThat(this.lookups.asked).containsExactly("number " + OUR_NUMBER, "trunk", "currency",
				"rate EXTERNAL 15550123");
	}

	@Test
	void phoneNumberNobodyPricedCannotBePaidFor() {
		this.lookups.number(OUR_NUMBER, ACCOUNT, this.lookups.trunk(ACCOUNT, true));
		assertThat(RouteDecision.decide(ACCOUNT, toPhone("15550123"), this.lookups).outcome())
			.isEqualTo(CallOutcome.NOT_ENOUGH_MONEY);
	}

	@Test
	void callerIdNumberMustExistAndBeTheAccounts() {
		assertThat(RouteDecision.decide(ACCOUNT, toPhone("15550123"), this.lookups).outcome())
			.isEqualTo(CallOutcome.FROM_NUMBER_NOT_FOUND);
		this.lookups.number(OUR_NUMBER, "AC-other", this.lookups.trunk("AC-other", true));
		assertThat(RouteDecision.decide(ACCOUNT, toPhone("15550123"), this.lookups).outcome())
			.isEqualTo(CallOutcome.FROM_NUMBER_NOT_YOURS);
		assertThat(this.lookups.asked).doesNotContain("trunk", "currency");
	}

	@Test
	void trunkMustExistBeEnabledAndBeTheAccounts() {
		this.lookups.number(OUR_NUMBER, ACCOUNT, null);
		assertThat(RouteDecision.decide(ACCOUNT, toPhone("15550123"), this.lookups).outcome())
			.isEqualTo(CallOutcome.TRUNK_NOT_FOUND);
		this.lookups.number(OUR_NUMBER, ACCOUNT, this.lookups.trunk(ACCOUNT, false));
		assertThat(RouteDecision.decide(ACCOUNT, toPhone("15550123"), this.lookups).outcome())
			.isEqualTo(CallOutcome.TRUNK_NOT_FOUND);
		this.lookups.number(OUR_NUMBER, ACCOUNT, this.lookups.trunk("AC-other", true));
		assertThat(RouteDecision.decide(ACCOUNT, toPhone("15550123"), this.lookups).outcome())
			.isEqualTo(CallOutcome.TRUNK_NOT_YOURS);
		assertThat(this.lookups.asked).doesNotContain("currency");
	}

	@Test
	void numberAndTrunkAreCheckedBeforeTheMoney() {
		// Nothing priced: the number's refusal still comes first (4 before 8).
		this.lookups.number(OUR_NUMBER, "AC-other", null);
		assertThat(RouteDecision.decide(ACCOUNT, toPhone("15550123"), this.lookups).outcome())
			.isEqualTo(CallOutcome.FROM_NUMBER_NOT_YOURS);
	}

	private static ConnectAction connect(Endpoint to) {
		return new ConnectAction(new Endpoint(Endpoint.EXTERNAL, OUR_NUMBER, null), to, null, 30,
				ConnectAction.UNLIMITED_CONNECT_TIME, false, false, null);
	}

	private static ConnectAction toUser(String userId) {
		return connect(new Endpoint(Endpoint.INTERNAL, userId, null));
	}

	private static ConnectAction toPhone(String number) {
		return connect(new Endpoint(Endpoint.EXTERNAL, number, null));
	}

	/** One account's numbers, trunks and rates in memory, noting what is asked. */
	private static final class Accounts implements RouteDecision.Lookups {

		final List<String> asked = new ArrayList<>();

		private final String currency;

		private final Map<String, PhoneNumber> numbers = new HashMap<>();

		private final Map<String, SipTrunk> trunks = new HashMap<>();

		private final Map<RatedCallType, Rate> rates = new HashMap<>();

		Accounts(String currency) {
			this.currency = currency;
		}

		SipTrunk trunk(String accountId, boolean enabled) {
			SipTrunk trunk = new SipTrunk(accountId, "Carrier", "127.0.0.1", 5060, SipTransport.UDP);
			trunk.setEnabled(enabled);
			this.trunks.put(trunk.getId(), trunk);
			return trunk;
		}

		PhoneNumber number(String number, String accountId, SipTrunk trunk) {
			PhoneNumber phoneNumber = new PhoneNumber(number, accountId);
			phoneNumber.setTrunkId((trunk != null) ? trunk.getId() : "TK-gone");
			this.numbers.put(number, phoneNumber);
			return phoneNumber;
		}

		Rate price(RatedCallType type, String perMinute, String currency) {
			Rate rate = new Rate(ACCOUNT, type, "", new BigDecimal(perMinute), 60, currency);
			this.rates.put(type, rate);
			return rate;
		}

		@Override
		public Optional<PhoneNumber> dialledNumber(String number) {
			this.asked.add("number " + number);
			return Optional.ofNullable(this.numbers.get(number));
		}

		@Override
		public Optional<SipTrunk> trunkFor(PhoneNumber number) {
			this.asked.add("trunk");
			return Optional.ofNullable(this.trunks.get(number.getTrunkId()));
		}

		@Override
		public String currency() {
			this.asked.add("currency");
			return this.currency;
		}

		@Override
		public Optional<Rate> rate(RatedCallType type, String calleeNumber) {
			this.asked.add("rate " + type + " " + calleeNumber);
			return Optional.ofNullable(this.rates.get(type));
		}

	}

}
