package asia.oncaller.control;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import asia.oncaller.HostileJson;
import asia.oncaller.HostileScco;
import asia.oncaller.control.CallControlDecision.Connect;
import asia.oncaller.control.CallControlDecision.Failed;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The SCCO parser on hostile text: whatever an answer_url sends, it decides (a connect, actions
 * without one, or code 2) and throws nothing, and fields it does not know never change its decision (they are
 * ignored, as the class says).
 */
class SccoParserFuzzTests {

	@Property(tries = 300)
	void decidesOnAnyBodyWithoutThrowing(@ForAll("bodies") String body) {
		CallControlDecision decision = SccoParser.parse(body);
		if (!(decision instanceof Connect) && !(decision instanceof CallControlDecision.Run)) {
			assertThat(decision).isEqualTo(Failed.incorrectFormat());
		}
	}

	@Property(tries = 200)
	void unknownFieldsChangeNoDecision(@ForAll("actionLists") List<Map<String, Object>> actions,
			@ForAll("values") Object unknown) {
		List<Map<String, Object>> withUnknown = actions.stream().map((action) -> {
			Map<String, Object> more = new LinkedHashMap<>(action);
			more.put("fuzzUnknownField", unknown);
			return more;
		}).toList();
		assertThat(connectOf(withUnknown)).isEqualTo(connectOf(actions));
	}

	@Provide
	Arbitrary<String> bodies() {
		return HostileScco.documents().map((bytes) -> new String(bytes, StandardCharsets.UTF_8));
	}

	@Provide
	Arbitrary<List<Map<String, Object>>> actionLists() {
		return HostileScco.actions().list().ofMinSize(1).ofMaxSize(4);
	}

	@Provide
	Arbitrary<Object> values() {
		return HostileJson.values();
	}

	/** The connect action the parser reads from these actions, or null when it refuses them. */
	private static ConnectAction connectOf(List<Map<String, Object>> actions) {
		CallControlDecision decision = SccoParser.parse(new String(HostileJson.write(actions), StandardCharsets.UTF_8));
		return (decision instanceof Connect connect) ? connect.connect() : null;
	}

}
