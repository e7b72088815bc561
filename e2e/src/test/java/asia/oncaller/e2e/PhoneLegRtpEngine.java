package asia.oncaller.e2e;

import asia.oncaller.media.RtpEngineProcess;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The rtpengine that the e2e server's phone legs use, for a test class with phone calls
 * ({@code @RegisterExtension static}): started before its tests as {@link E2eServer#startRtpEngine}
 * starts it, with the class's own extra options, and stopped after them.
 */
final class PhoneLegRtpEngine implements BeforeAllCallback, AfterAllCallback {

	private final String[] options;

	private RtpEngineProcess process;

	/** @param options rtpengine options beyond the server's (a recording test's capture folder) */
	PhoneLegRtpEngine(String... options) {
		this.options = options;
	}

	/** The running rtpengine, to ask about the calls it relays ({@code query}). */
	RtpEngineProcess process() {
		return this.process;
	}

	@Override
	public void beforeAll(ExtensionContext context) throws Exception {
		this.process = E2eServer.get().startRtpEngine(this.options);
	}

	@Override
	public void afterAll(ExtensionContext context) throws Exception {
		if (this.process != null) {
			this.process.stop();
		}
	}

}
