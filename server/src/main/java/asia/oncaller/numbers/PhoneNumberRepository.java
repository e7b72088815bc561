package asia.oncaller.numbers;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

/** Phone numbers by id and by their E.164 form. */
public interface PhoneNumberRepository extends JpaRepository<PhoneNumber, String> {

	Optional<PhoneNumber> findByNumber(String number);

	/** The number as it is dialled or written in an SCCO, with or without its {@code +}. */
	default Optional<PhoneNumber> findDialled(String dialled) {
		return findByNumber(PhoneNumber.e164(dialled));
	}

}
