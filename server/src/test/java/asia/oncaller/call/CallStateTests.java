package asia.oncaller.call;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each state's {@code signalingState} code is the protocol's. Which state may follow which is
 * the conditional updates' to say, and {@code CallRepositoryIntegrationTests} checks them there.
 */
class CallStateTests {

	@ParameterizedTest
	@CsvSource({ "CALLING,1", "RINGING,2", "ANSWERED,3", "BUSY,5", "ENDED,6" })
	void signalingCodesAreThoseOfTheProtocol(CallState state, int code) {
		assertThat(state.code()).isEqualTo(code);
	}

}
