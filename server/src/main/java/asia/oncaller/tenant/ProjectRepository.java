package asia.oncaller.tenant;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/** Projects by id and by API key SID (the {@code iss} of client and project tokens). */
public interface ProjectRepository extends JpaRepository<Project, String> {

	Optional<Project> findByApiKeySid(String apiKeySid);

	/** The project of an API key SID with its account's status, in one query. */
	@Query("select new asia.oncaller.tenant.ProjectInService(p, a.status) from Project p"
			+ " left join Account a on a.id = p.accountId where p.apiKeySid = :apiKeySid")
	Optional<ProjectInService> findInServiceByApiKeySid(String apiKeySid);

}
