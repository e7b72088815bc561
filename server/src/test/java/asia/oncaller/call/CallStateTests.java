package asia.oncaller.call;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Every pair of states: a call only moves forward, and BUSY and ENDED are final. */
class CallStateTests {

	@ParameterizedTest(name = "{0} -> {1}: {2}")
	@CsvSource({ "CALLING,CALLING,false", "CALLING,RINGING,true", "CALLING,ANSWERED,true", "CALLING,BUSY,true",
			"CALLING,ENDED,true", "RINGING,CALLING,false", "RINGING,RINGING,false", "RINGING,ANSWERED,true",
			"RINGING,BUSY,true", "RINGING,ENDED,true", "ANSWERED,CALLING,false", "ANSWERED,RINGING,false",
			"ANSWERED,ANSWERED,false", "ANSWERED,BUSY,false", "ANSWERED,ENDED,true", "BUSY,CALLING,false",
			"BUSY,RINGING,false", "BUSY,ANSWERED,false", "BUSY,BUSY,false", "BUSY,ENDED,false", "ENDED,CALLING,false",
			"ENDED,RINGING,false", "ENDED,ANSWERED,false", "ENDED,BUSY,false", "ENDED,ENDED,false" })
	void movesOnlyForward(CallState from, CallState to, boolean allowed) {
		assertThat(from.canMoveTo(to)).isEqualTo(allowed);
	}

	@ParameterizedTest
	@CsvSource({ "CALLING,1", "RINGING,2", "ANSWERED,3", "BUSY,5", "ENDED,6" })
	void signalingCodesAreThoseOfTheProtocol(CallState state, int code) {
		assertThat(state.code()).isEqualTo(code);
	}

}
