package asia.oncaller.auth;

import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static asia.oncaller.auth.TestTokens.claims;
import static asia.oncaller.auth.TestTokens.encode;
import static asia.oncaller.auth.TestTokens.header;
import static asia.oncaller.auth.TestTokens.signed;
import static asia.oncaller.auth.TestTokens.unsigned;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The parser alone, without Spring or a database: the edges of codes 2, 4 and 3 that the
 * integration tests leave out (alphabet, size, duplicates, odd headers and claim types), and
 * that a well-shaped token comes out with its times read safely.
 */
class TokenParserTests {

	static final String SECRET = "0123456789abcdef".repeat(4);

	Map<String, Object> header = header();

	Map<String, Object> claims = claims("SK" + "0".repeat(32), Instant.ofEpochSecond(1_800_000_000L));

	@Test
	void readsWellShapedTokenWithItsSigningInputAsReceived() {
		String token = signed(this.header, this.claims, SECRET);
		UnverifiedToken parsed = TokenParser.parse(token).token();
		assertThat(parsed.issuer()).isEqualTo("SK" + "0".repeat(32));
		assertThat(parsed.expiresAt()).isEqualTo(1_800_003_600L);
		assertThat(parsed.issuedAt()).isEqualTo(1_800_000_000L);
		assertThat(parsed.notBefore()).isNull();
		assertThat(parsed.signingInput()).isEqualTo(token.substring(0, token.lastIndexOf('.')));
	}

	@Test
	void refusesOverlongTokenUnread() {
		this.claims.put("userId", "u".repeat(TokenParser.MAX_LENGTH));
		assertCode(signed(this.header, this.claims, SECRET), AuthCode.CANNOT_DECODE);
	}

	@Test
	void refusesPaddingAndCharactersOutsideTheBase64UrlAlphabet() {
		String token = signed(this.header, this.claims, SECRET);
		assertCode(token + "=", AuthCode.CANNOT_DECODE);
		assertCode(token.replace('-', '+').replace('_', '/') + "+", AuthCode.CANNOT_DECODE);
		assertCode(" " + token, AuthCode.CANNOT_DECODE);
		assertCode(token.substring(0, token.indexOf('.')) + "A" + token.substring(token.indexOf('.')),
				AuthCode.CANNOT_DECODE);
	}

	@Test
	void refusesDuplicateClaimsAsUndecodable() {
		String headerPart = unsigned(this.header, this.claims).split("\\.")[0];
		assertCode(headerPart + "." + encode("{\"iss\":\"SKa\",\"iss\":\"SKb\",\"exp\":1}") + ".c2ln",
				AuthCode.CANNOT_DECODE);
	}

	@Test
	void refusesMissingOrMisspelledAlgorithmAsNotHs256() {
		this.header.remove("alg");
		assertCode(unsigned(this.header, this.claims) + ".c2ln", AuthCode.NOT_HS256);
		this.header.put("alg", "hs256");
		assertCode(unsigned(this.header, this.claims) + ".c2ln", AuthCode.NOT_HS256);
		this.header.put("alg", 256);
		assertCode(unsigned(this.header, this.claims) + ".c2ln", AuthCode.NOT_HS256);
	}

	@Test
	void acceptsTypInAnyCaseAndHeaderWithOnlyAlg() {
		this.header.put("typ", "jwt");
		assertThat(TokenParser.parse(signed(this.header, this.claims, SECRET)).ok()).isTrue();
		this.header.remove("typ");
		this.header.remove("cty");
		assertThat(TokenParser.parse(signed(this.header, this.claims, SECRET)).ok()).isTrue();
	}

	@Test
	void refusesCriticalExtensionsAndHeadersNimbusCannotReadAsInvalidFormat() {
		this.header.put("crit", new String[] { "exp" });
		assertCode(signed(this.header, this.claims, SECRET), AuthCode.INVALID_FORMAT);
		this.header.remove("crit");
		this.header.put("kid", 7);
		assertCode(signed(this.header, this.claims, SECRET), AuthCode.INVALID_FORMAT);
	}

	@Test
	void refusesRegisteredClaimsOfTheWrongTypeAsInvalidFormat() {
		assertClaimRefused("iss", 42);
		assertClaimRefused("iat", "now");
		assertClaimRefused("nbf", true);
		assertClaimRefused("jti", 1);
	}

	@Test
	void readsFractionalAndHugeTimesWithoutOverflow() {
		this.claims.put("exp", 1_800_003_600.9);
		this.claims.put("iat", 1e300);
		UnverifiedToken parsed = TokenParser.parse(signed(this.header, this.claims, SECRET)).token();
		assertThat(parsed.expiresAt()).isEqualTo(1_800_003_600L);
		assertThat(parsed.issuedAt()).isEqualTo(Long.MAX_VALUE);
	}

	private void assertClaimRefused(String name, Object value) {
		Object original = this.claims.put(name, value);
		assertCode(signed(this.header, this.claims, SECRET), AuthCode.INVALID_FORMAT);
		this.claims.put(name, original);
	}

	private static void assertCode(String token, AuthCode expected) {
		TokenParser.Result result = TokenParser.parse(token);
		assertThat(result.failure()).as(token).isEqualTo(expected);
		assertThat(result.token()).isNull();
	}

}
