package asia.oncaller.demo;

import java.math.BigDecimal;

import asia.oncaller.billing.BalanceLedger;
import asia.oncaller.billing.Rate;
import asia.oncaller.billing.RateRepository;
import asia.oncaller.billing.RatedCallType;
import asia.oncaller.numbers.PhoneNumber;
import asia.oncaller.numbers.PhoneNumberRepository;
import asia.oncaller.tenant.Account;
import asia.oncaller.tenant.AccountRepository;
import asia.oncaller.tenant.Project;
import asia.oncaller.tenant.ProjectRepository;
import asia.oncaller.trunks.SipTransport;
import asia.oncaller.trunks.SipTrunk;
import asia.oncaller.trunks.SipTrunkRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Conditional;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Loads the demo tenant once: an account with a balance, a project whose answer_url is the
 * built-in SCCO helper, two numbers, a trunk to a local carrier on 127.0.0.1:5070 and a few
 * rates. The account's fixed SID marks it as loaded, so a restart adds nothing.
 */
@Component
@Conditional(DemoModeCondition.class)
class DemoTenantLoader {

	static final String ACCOUNT_ID = "AC00000000000000000000000000000de0";

	static final String PROJECT_ID = "PJ00000000000000000000000000000de0";

	static final String[] NUMBERS = { "+15550100001", "+15550100002" };

	private static final Logger log = LoggerFactory.getLogger(DemoTenantLoader.class);

	private final AccountRepository accounts;

	private final ProjectRepository projects;

	private final SipTrunkRepository trunks;

	private final PhoneNumberRepository numbers;

	private final RateRepository rates;

	private final BalanceLedger ledger;

	private final DemoProperties properties;

	private final Environment environment;

	DemoTenantLoader(AccountRepository accounts, ProjectRepository projects, SipTrunkRepository trunks,
			PhoneNumberRepository numbers, RateRepository rates, BalanceLedger ledger, DemoProperties properties,
			Environment environment) {
		this.accounts = accounts;
		this.projects = projects;
		this.trunks = trunks;
		this.numbers = numbers;
		this.rates = rates;
		this.ledger = ledger;
		this.properties = properties;
		this.environment = environment;
	}

	/**
	 * Loads the tenant unless it is there; returns whether it loaded it now. Either way the demo
	 * project's answer_url is pointed at this server's SCCO helper, whose port may have changed
	 * since the last start.
	 */
	@Transactional
	boolean loadOnce() {
		if (this.accounts.existsById(ACCOUNT_ID)) {
			this.projects.findById(PROJECT_ID).ifPresent((project) -> project.setAnswerUrl(helperUrl()));
			return false;
		}
		this.accounts.saveAndFlush(new Account(ACCOUNT_ID, "OnCaller Demo", "USD"));
		this.ledger.topUp(ACCOUNT_ID, new BigDecimal("100.00"), "demo-initial-balance");
		Project project = new Project(PROJECT_ID, ACCOUNT_ID, "Demo app");
		project.setAnswerUrl(helperUrl());
		this.projects.save(project);
		SipTrunk trunk = this.trunks.save(new SipTrunk(ACCOUNT_ID, "Local carrier (SIPp)", "127.0.0.1", 5070,
				SipTransport.UDP));
		for (String e164 : NUMBERS) {
			PhoneNumber number = new PhoneNumber(e164, ACCOUNT_ID);
			number.setProjectId(PROJECT_ID);
			number.setTrunkId(trunk.getId());
			this.numbers.save(number);
		}
		this.rates.save(new Rate(ACCOUNT_ID, RatedCallType.EXTERNAL, "1", new BigDecimal("0.0100"), 6, "USD"));
		this.rates.save(new Rate(ACCOUNT_ID, RatedCallType.EXTERNAL, "44", new BigDecimal("0.0200"), 60, "USD"));
		this.rates.save(new Rate(ACCOUNT_ID, RatedCallType.EXTERNAL, "84", new BigDecimal("0.0500"), 60, "USD"));
		this.rates.save(new Rate(ACCOUNT_ID, RatedCallType.EXTERNAL, "", new BigDecimal("0.1000"), 60, "USD"));
		return true;
	}

	/** Says where the demo tenant is and how to get a token; never a secret. */
	void describe(boolean loadedNow) {
		Project project = this.projects.findById(PROJECT_ID).orElseThrow();
		log.info("Demo mode: {} account {}, project {} (API key {}), numbers {} and {}",
				loadedNow ? "loaded" : "found", ACCOUNT_ID, PROJECT_ID, project.getApiKeySid(), NUMBERS[0], NUMBERS[1]);
		log.info("Demo mode: get a client token with GET {}/demo/token?userId=alice", baseUrl());
	}

	private String helperUrl() {
		return baseUrl() + "/scco-helper/project-answer-url?appToPhone=auto";
	}

	private String baseUrl() {
		if (this.properties.baseUrl() != null) {
			return this.properties.baseUrl();
		}
		return "http://127.0.0.1:" + this.environment.getProperty("local.server.port",
				this.environment.getProperty("server.port", "8080"));
	}

}
