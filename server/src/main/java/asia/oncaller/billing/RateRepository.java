package asia.oncaller.billing;

import org.springframework.data.jpa.repository.JpaRepository;

/** Rates by id; a call's rate is found by {@link RateFinder}. */
public interface RateRepository extends JpaRepository<Rate, String> {

}
