package asia.oncaller.call;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;

import asia.oncaller.billing.BalanceLedger;
import asia.oncaller.billing.Rate;
import asia.oncaller.billing.RateRepository;
import asia.oncaller.billing.RatedCallType;
import asia.oncaller.common.Sids;
import asia.oncaller.control.ConnectAction;
import asia.oncaller.control.Endpoint;
import asia.oncaller.tenant.Account;
import asia.oncaller.tenant.AccountRepository;
import asia.oncaller.tenant.Project;
import asia.oncaller.tenant.ProjectRepository;

import org.springframework.beans.factory.BeanFactory;

/**
 * A fresh account per test (tests share one database in CI), its rates, and calls placed the way
 * {@link MakeCallService} places them once the answer_url has answered: routed, then written and
 * admitted under the account's lock ({@link CallAdmission}, which checks the money). Users are
 * always online here.
 */
class BillingFixture {

	final Account account;

	final Project project;

	private final RateRepository rates;

	private final CallRouting routing;

	private final CallAdmission admission;

	/** A fresh account with {@code balance}, from the beans of a test's application context. */
	BillingFixture(BeanFactory beans, String balance) {
		this.account = beans.getBean(AccountRepository.class).save(new Account("Billing " + System.nanoTime(), "USD"));
		this.project = beans.getBean(ProjectRepository.class).save(new Project(this.account.getId(), "App"));
		if (new BigDecimal(balance).signum() > 0) {
			beans.getBean(BalanceLedger.class).topUp(this.account.getId(), new BigDecimal(balance), "initial");
		}
		this.rates = beans.getBean(RateRepository.class);
		this.routing = beans.getBean(CallRouting.class);
		this.admission = beans.getBean(CallAdmission.class);
	}

	/** An app-to-app rate for user ids starting with {@code prefix} ("" for every user). */
	Rate internalRate(String prefix, String pricePerMinute, int increment, String fee) {
		Rate rate = new Rate(this.account.getId(), RatedCallType.INTERNAL, prefix, new BigDecimal(pricePerMinute),
				increment, "USD");
		rate.setConnectionFee(new BigDecimal(fee));
		return this.rates.save(rate);
	}

	/** alice calls {@code callee}: the call's id, or empty when code 8 refused it. */
	Optional<String> place(String callee) {
		Attempt attempt = attempt(callee);
		return attempt.outcome().ok() ? Optional.of(attempt.callId()) : Optional.empty();
	}

	/** alice calls {@code callee}: the outcome, and the call's id, which is written only when OK. */
	Attempt attempt(String callee) {
		ConnectAction connect = connect(callee);
		CallRouting.Route route = this.routing.route(this.account.getId(), this.account.getCurrency(), connect);
		if (!route.outcome().ok()) {
			return new Attempt(route.outcome(), null);
		}
		Call call = Call.calling(Sids.newSid("call-"), caller(), EndpointType.INTERNAL, connect, false,
				route.money(connect), PhoneLine.NONE, Instant.now());
		return new Attempt(this.admission.write(call, route.tariff(), (written) -> {
		}), call.getId());
	}

	/** A new call from alice to {@code callee} that nobody prices, not yet written. */
	Call freeCall(String callee) {
		ConnectAction connect = connect(callee);
		return Call.calling(Sids.newSid("call-"), caller(), EndpointType.INTERNAL, connect, false,
				Money.of(this.account.getCurrency(), null, null, connect), PhoneLine.NONE, Instant.now());
	}

	private static ConnectAction connect(String callee) {
		return new ConnectAction(new Endpoint(Endpoint.INTERNAL, "alice", null),
				new Endpoint(Endpoint.INTERNAL, callee, null), null, 60, ConnectAction.UNLIMITED_CONNECT_TIME, true,
				false, null);
	}

	/** A placement's outcome and its call's id. */
	record Attempt(CallOutcome outcome, String callId) {
	}

	Party caller() {
		return Party.withoutConnection(this.project.getId(), this.account.getId(), "alice");
	}

	Party callee(String userId) {
		return Party.withoutConnection(this.project.getId(), this.account.getId(), userId);
	}

}
