package asia.oncaller.trunks;

import asia.oncaller.RepositoryTest;
import asia.oncaller.tenant.Account;
import asia.oncaller.tenant.AccountRepository;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** SIP trunks round-trip on real PostgreSQL, credentials included. */
@RepositoryTest
class SipTrunkRepositoryIntegrationTests {

	@Autowired
	AccountRepository accounts;

	@Autowired
	SipTrunkRepository trunks;

	@Test
	void trunkRoundTripsWithCredentials() {
		Account account = this.accounts.saveAndFlush(new Account("Acme", "USD"));
		SipTrunk trunk = new SipTrunk(account.getId(), "Carrier", "sip.carrier.test", 5061, SipTransport.TLS);
		trunk.setCredentials("acme", "s3cret");
		this.trunks.saveAndFlush(trunk);

		SipTrunk read = this.trunks.findByAccountId(account.getId()).get(0);
		assertThat(read.getId()).matches("TK[0-9a-f]{32}");
		assertThat(read.getHost()).isEqualTo("sip.carrier.test");
		assertThat(read.getPort()).isEqualTo(5061);
		assertThat(read.getTransport()).isEqualTo(SipTransport.TLS);
		assertThat(read.getUsername()).isEqualTo("acme");
		assertThat(read.getPassword()).isEqualTo("s3cret");
		assertThat(read.isEnabled()).isTrue();
	}

	@Test
	void usernameWithoutPasswordIsRefused() {
		SipTrunk trunk = new SipTrunk("AC" + "0".repeat(32), "Carrier", "127.0.0.1", 5070, SipTransport.UDP);
		assertThatIllegalArgumentException().isThrownBy(() -> trunk.setCredentials("acme", null));
	}

}
