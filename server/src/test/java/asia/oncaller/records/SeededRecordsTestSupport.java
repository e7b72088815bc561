package asia.oncaller.records;

import java.time.Instant;

import asia.oncaller.TestTenants;
import asia.oncaller.tenant.ProjectRepository;
import asia.oncaller.testsupport.RestTestSupport;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Base of the REST tests that read call rows: a fresh tenant per test and a {@link CallSeeder}
 * that writes rows straight into the {@code call} table.
 */
abstract class SeededRecordsTestSupport extends RestTestSupport {

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ProjectRepository projects;

	CallSeeder seeder;

	TestTenants.Tenant tenant;

	@BeforeEach
	void seederAndTenant() {
		this.seeder = new CallSeeder(this.jdbc);
		this.tenant = tenant();
	}

	/** A row of the tenant's own project, with the seeder's defaults. */
	CallSeeder.Row row(Instant createdAt) {
		return CallSeeder.row(this.tenant.account.getId(), this.tenant.project.getId(), createdAt);
	}

}
