package asia.oncaller.trunks;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

/** SIP trunks by id and by account. */
public interface SipTrunkRepository extends JpaRepository<SipTrunk, String> {

	List<SipTrunk> findByAccountId(String accountId);

	/** The trunks whose carrier sends from this address (an IP address, as stored in {@code host}). */
	List<SipTrunk> findByHost(String host);

}
