package asia.oncaller.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static asia.oncaller.auth.TestTokens.claims;
import static asia.oncaller.auth.TestTokens.header;
import static asia.oncaller.auth.TestTokens.signed;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Signature and time checks on a fixed clock, to the second: where the clock skew and the
 * maximum lifetime begin and end, and that a secret too short to sign refuses rather than fails.
 */
class JwtChecksTests {

	static final Instant NOW = Instant.ofEpochSecond(1_800_000_000L);

	static final String SECRET = "0123456789abcdef".repeat(4);

	JwtChecks checks = new JwtChecks(new AuthProperties(Duration.ofSeconds(30), Duration.ofHours(24)),
			Clock.fixed(NOW, ZoneOffset.UTC));

	Map<String, Object> claims = claims("SK" + "0".repeat(32), NOW);

	@Test
	void acceptsTokenSignedWithTheSecret() {
		assertCode(AuthCode.OK);
	}

	@Test
	void refusesSignatureOfAnotherSecretOrOfASecretTooShortToSign() {
		UnverifiedToken token = TokenParser.parse(signed(header(), this.claims, SECRET)).token();
		assertThat(this.checks.verify(token, SECRET.toUpperCase())).isEqualTo(AuthCode.EXPIRED_OR_BAD_SIGNATURE);
		assertThat(this.checks.verify(token, "short")).isEqualTo(AuthCode.EXPIRED_OR_BAD_SIGNATURE);
	}

	@Test
	void acceptsExpiryUpToTheClockSkewInThePast() {
		this.claims.put("iat", NOW.minusSeconds(3600).getEpochSecond());
		this.claims.put("exp", NOW.minusSeconds(29).getEpochSecond());
		assertCode(AuthCode.OK);
		this.claims.put("exp", NOW.minusSeconds(30).getEpochSecond());
		assertCode(AuthCode.EXPIRED_OR_BAD_SIGNATURE);
	}

	@Test
	void acceptsLifetimeOfExactly24HoursFromIat() {
		this.claims.put("exp", NOW.plus(Duration.ofHours(24)).getEpochSecond());
		assertCode(AuthCode.OK);
		this.claims.put("exp", NOW.plus(Duration.ofHours(24)).getEpochSecond() + 1);
		assertCode(AuthCode.INVALID_PAYLOAD);
	}

	@Test
	void withoutIatAcceptsExpUpTo24HoursAndTheSkewFromNow() {
		this.claims.remove("iat");
		this.claims.put("exp", NOW.plus(Duration.ofHours(24)).getEpochSecond() + 30);
		assertCode(AuthCode.OK);
		this.claims.put("exp", NOW.plus(Duration.ofHours(24)).getEpochSecond() + 31);
		assertCode(AuthCode.INVALID_PAYLOAD);
	}

	@Test
	void acceptsIatAndNbfUpToTheClockSkewInTheFuture() {
		this.claims.put("iat", NOW.plusSeconds(30).getEpochSecond());
		this.claims.put("nbf", NOW.plusSeconds(30).getEpochSecond());
		assertCode(AuthCode.OK);
		this.claims.put("nbf", NOW.plusSeconds(31).getEpochSecond());
		assertCode(AuthCode.INVALID_PAYLOAD);
		this.claims.remove("nbf");
		this.claims.put("iat", NOW.plusSeconds(31).getEpochSecond());
		assertCode(AuthCode.INVALID_PAYLOAD);
	}

	@Test
	void refusesAbsurdTimesAsInvalidPayload() {
		this.claims.put("exp", NOW.plusSeconds(60).toEpochMilli());
		assertCode(AuthCode.INVALID_PAYLOAD);
		this.claims.put("exp", NOW.plusSeconds(10).getEpochSecond());
		this.claims.put("iat", NOW.plusSeconds(20).getEpochSecond());
		assertCode(AuthCode.INVALID_PAYLOAD);
		this.claims.put("iat", -1L);
		assertCode(AuthCode.INVALID_PAYLOAD);
		this.claims.put("iat", -1e300);
		assertCode(AuthCode.INVALID_PAYLOAD);
	}

	private void assertCode(AuthCode expected) {
		UnverifiedToken token = TokenParser.parse(signed(header(), this.claims, SECRET)).token();
		assertThat(this.checks.verify(token, SECRET)).as(this.claims.toString()).isEqualTo(expected);
	}

}
