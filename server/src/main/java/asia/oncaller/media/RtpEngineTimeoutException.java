package asia.oncaller.media;

/** rtpengine did not answer a request, nor any of its resends, in time. */
public class RtpEngineTimeoutException extends RtpEngineException {

	RtpEngineTimeoutException(String message) {
		super(message, (Throwable) null);
	}

}
