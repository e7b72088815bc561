package asia.oncaller.trunks;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

/** SIP trunks by id and by account. */
public interface SipTrunkRepository extends JpaRepository<SipTrunk, String> {

	List<SipTrunk> findByAccountId(String accountId);

}
