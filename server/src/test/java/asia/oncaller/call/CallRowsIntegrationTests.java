package asia.oncaller.call;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;

import asia.oncaller.RepositoryTest;
import asia.oncaller.billing.Rate;
import asia.oncaller.billing.RateRepository;
import asia.oncaller.billing.RatedCallType;
import asia.oncaller.tenant.Account;
import asia.oncaller.tenant.AccountRepository;
import asia.oncaller.tenant.Project;
import asia.oncaller.tenant.ProjectRepository;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The call row over plain JDBC ({@link CallRows}) is the row JPA maps, on real PostgreSQL: its
 * column list names every column of the table, a call it writes reads back through JPA field for
 * field, and a transition's {@code RETURNING} reads the row as JPA reads it.
 */
@RepositoryTest
@Import(CallRows.class)
class CallRowsIntegrationTests {

	@Autowired
	AccountRepository accounts;

	@Autowired
	ProjectRepository projects;

	@Autowired
	RateRepository rates;

	@Autowired
	CallRepository calls;

	@Autowired
	CallRows rows;

	@Autowired
	EntityManager entityManager;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void theColumnsAreEveryColumnOfTheTable() {
		List<String> table = this.jdbc.queryForList("""
				SELECT column_name FROM information_schema.columns
				WHERE table_schema = current_schema() AND table_name = 'call'""", String.class);
		List<String> columns = Arrays.stream(CallRows.COLUMNS.split(",")).map(String::strip).toList();
		assertThat(columns).hasSize(CallRows.COLUMN_COUNT).containsExactlyInAnyOrderElementsOf(table);
	}

	@Test
	void aCallWrittenOverJdbcReadsBackThroughJpaAndThroughATransition() {
		Call written = everyFieldSet();
		this.rows.insert(written);
		this.entityManager.clear();

		Call read = this.calls.findById(written.getId()).orElseThrow();
		assertThat(read).usingRecursiveComparison()
			.withComparatorForType(BigDecimal::compareTo, BigDecimal.class)
			.isEqualTo(written);

		Instant ringing = Instant.now().truncatedTo(ChronoUnit.MICROS);
		Call returned = this.calls.markRinging(written.getId(), ringing).orElseThrow();
		this.entityManager.clear();
		Call reread = this.calls.findById(written.getId()).orElseThrow();
		assertThat(returned.timing().ringingAt()).isEqualTo(ringing);
		assertThat(returned.getVersion()).isEqualTo(1L);
		assertThat(returned).usingRecursiveComparison()
			.withComparatorForType(BigDecimal::compareTo, BigDecimal.class)
			.ignoringFields("eventUrls")
			.isEqualTo(reread);
	}

	/** A calling, priced, failing-over phone call with every column the schema lets it have set. */
	private Call everyFieldSet() {
		Account account = this.accounts.saveAndFlush(new Account("Acme", "USD"));
		Project project = this.projects.saveAndFlush(new Project(account.getId(), "App"));
		Rate rate = this.rates.saveAndFlush(
				new Rate(account.getId(), RatedCallType.EXTERNAL, "84", new BigDecimal("0.045"), 6, "USD"));
		Instant t = Instant.now().truncatedTo(ChronoUnit.MICROS);
		Parties parties = new Parties(EndpointType.INTERNAL, "alice", "Alice", EndpointType.EXTERNAL, "+84901234567",
				"Bob", "alice", "device-a1", "connection-a1", "bob", "device-b1", "connection-b1", "carol");
		Timing timing = new Timing(t, t.plusSeconds(1), t.plusSeconds(2), t.plusSeconds(3), t.plusSeconds(4),
				t.plusSeconds(5), t.plusSeconds(6), t.plusSeconds(7));
		Money money = new Money("USD", rate.getId(), new BigDecimal("0.045"), 6, new BigDecimal("0.01"),
				new BigDecimal("0.5"), 60, 3600, 66, new BigDecimal("0.011"));
		Failover failover = new Failover(true, "https://example.com/on-fail", null, 1, "{\"type\":\"offer\"}",
				"[{\"candidate\":\"a\"}]");
		return new Call("call-rows-1", account.getId(), project.getId(), CallDirection.APP_TO_PHONE, CallState.CALLING,
				parties, timing, money, new PhoneLine(null, "PN1", "sip-call-1"), failover, true, "{\"order\":42}",
				"Ended", 200, 1, 2, t.plusSeconds(8), t.plusSeconds(9), true, 0L);
	}

}
