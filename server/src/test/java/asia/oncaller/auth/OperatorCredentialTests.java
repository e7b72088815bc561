package asia.oncaller.auth;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The operator credential on its own: off when unset or blank (the endpoints then answer 404),
 * code 1 when none is presented, 6 when the wrong one is, and a too short secret refused at
 * start-up. Its {@code toString} never shows the secret.
 */
class OperatorCredentialTests {

	private static final String TOKEN = "operator-secret-0123456789abcdef-xyz";

	@Test
	void unsetOrBlankTokenTurnsTheOperatorApiOff() {
		assertThatThrownBy(() -> new OperatorCredential(new OperatorProperties(null)).check(TOKEN))
			.isInstanceOf(OperatorApiDisabledException.class);
		assertThatThrownBy(() -> new OperatorCredential(new OperatorProperties("  ")).check("  "))
			.isInstanceOf(OperatorApiDisabledException.class);
	}

	@Test
	void missingCredentialGetsCode1AndWrongOneCode6() {
		OperatorCredential credential = new OperatorCredential(new OperatorProperties(TOKEN));
		assertThatThrownBy(() -> credential.check(null)).isInstanceOfSatisfying(RestAuthenticationException.class,
				(ex) -> assertThat(ex.code()).isEqualTo(AuthCode.TOKEN_EMPTY));
		assertThatThrownBy(() -> credential.check(TOKEN + "x"))
			.isInstanceOfSatisfying(RestAuthenticationException.class,
					(ex) -> assertThat(ex.code()).isEqualTo(AuthCode.EXPIRED_OR_BAD_SIGNATURE));
		assertThatNoException().isThrownBy(() -> credential.check(TOKEN));
	}

	@Test
	void refusesShortTokenAtStartUp() {
		assertThatIllegalArgumentException().isThrownBy(() -> new OperatorProperties("short"));
	}

	@Test
	void toStringHidesTheToken() {
		assertThat(new OperatorProperties(TOKEN).toString()).doesNotContain(TOKEN).contains("(set)");
	}

}
