package asia.oncaller.tenant;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

/** Projects by id and by API key SID (the {@code iss} of client and project tokens). */
public interface ProjectRepository extends JpaRepository<Project, String> {

	Optional<Project> findByApiKeySid(String apiKeySid);

}
