package asia.oncaller.billing;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rating rule as a property over any set of prefixes and any destination: the rate found is
 * the one with the longest prefix the destination (without {@code +}) starts with, and there is
 * one exactly when some prefix matches.
 */
class RateFinderTests {

	@Property
	void theLongestMatchingPrefixPricesTheCall(@ForAll("prefixes") Set<String> prefixes,
			@ForAll("destinations") String destination) {
		List<Rate> rates = prefixes.stream().map(RateFinderTests::rate).toList();
		String digits = destination.substring(1);

		Optional<Rate> found = RateFinder.longestPrefix(rates, destination);

		int longest = prefixes.stream().filter(digits::startsWith).mapToInt(String::length).max().orElse(-1);
		assertThat(found.isPresent()).isEqualTo(longest >= 0);
		found.ifPresent((rate) -> assertThat(rate.getPrefix()).hasSize(longest).satisfies((p) -> digits.startsWith(p)));
	}

	@Property
	void aLeadingPlusChangesNothing(@ForAll("prefixes") Set<String> prefixes, @ForAll("destinations") String destination) {
		List<Rate> rates = prefixes.stream().map(RateFinderTests::rate).toList();

		assertThat(RateFinder.longestPrefix(rates, destination))
			.isEqualTo(RateFinder.longestPrefix(rates, destination.substring(1)));
	}

	@Example
	void theEmptyPrefixPricesAppUsersAndEveryNumberNothingLongerMatches() {
		List<Rate> rates = List.of(rate(""), rate("84"), rate("849"));

		assertThat(RateFinder.longestPrefix(rates, "bob")).map(Rate::getPrefix).contains("");
		assertThat(RateFinder.longestPrefix(rates, "+84901234567")).map(Rate::getPrefix).contains("849");
		assertThat(RateFinder.longestPrefix(rates, "+84123")).map(Rate::getPrefix).contains("84");
		assertThat(RateFinder.longestPrefix(rates, "+1555")).map(Rate::getPrefix).contains("");
	}

	@Provide
	Arbitrary<Set<String>> prefixes() {
		// Few digits, so that prefixes often nest and often match.
		return Arbitraries.strings().withChars('8', '4', '9', '0').ofMinLength(0).ofMaxLength(4).set().ofMaxSize(8);
	}

	@Provide
	Arbitrary<String> destinations() {
		return Arbitraries.strings().withChars('8', '4', '9', '0').ofMinLength(1).ofMaxLength(8).map((d) -> "+" + d);
	}

	private static Rate rate(String prefix) {
		return new Rate("AC" + "0".repeat(32), RatedCallType.EXTERNAL, prefix, new BigDecimal("0.01"), 60, "USD");
	}

}
