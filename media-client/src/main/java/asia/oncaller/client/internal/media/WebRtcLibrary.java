package asia.oncaller.client.internal.media;

import asia.oncaller.client.OnCallerError;
import asia.oncaller.client.OnCallerException;
import dev.onvoid.webrtc.internal.NativeLoader;

/**
 * Loads webrtc-java's native library once, before any other WebRTC class is touched (some, such as
 * {@code VideoDeviceSource}, do not load it themselves), and turns a failure into error 1009.
 */
public final class WebRtcLibrary {

	private static OnCallerException failure;

	private static boolean loaded;

	private WebRtcLibrary() {
	}

	/** @throws OnCallerException 1009 when the library cannot be loaded on this platform */
	public static synchronized void load() {
		if (loaded) {
			return;
		}
		if (failure == null) {
			try {
				NativeLoader.loadLibrary("webrtc-java");
				loaded = true;
				return;
			}
			catch (Throwable ex) {
				failure = new OnCallerException(OnCallerError.WEBRTC_UNAVAILABLE,
						System.getProperty("os.name") + "/" + System.getProperty("os.arch") + ": " + ex, ex);
			}
		}
		throw failure;
	}

}
