package asia.oncaller.client.internal.media;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import asia.oncaller.client.MediaDevicesReport;
import dev.onvoid.webrtc.media.Device;
import dev.onvoid.webrtc.media.MediaDevices;
import dev.onvoid.webrtc.media.audio.AudioDevice;
import dev.onvoid.webrtc.media.audio.AudioDeviceModule;
import dev.onvoid.webrtc.media.audio.AudioLayer;
import dev.onvoid.webrtc.media.video.VideoDevice;

/**
 * Lists microphones, speakers and cameras without ever hanging or crashing the JVM. webrtc-java's
 * audio queries block forever in native code when no PulseAudio server runs, so on Linux they are
 * only made after a PulseAudio socket has answered; without one, ALSA is asked instead, through
 * an ALSA-only audio module (which returns, possibly with nothing). Every native query runs on a
 * daemon thread with a deadline; a query that misses it is never tried again in this process.
 */
public final class DeviceProbe {

	private static final Duration DEADLINE = Duration.ofSeconds(5);

	private static final boolean LINUX = System.getProperty("os.name", "").toLowerCase().contains("linux");

	private static volatile boolean audioHung;

	private static volatile boolean videoHung;

	private static final long CACHE_NANOS = Duration.ofSeconds(5).toNanos();

	private static volatile Cached<AudioDevices> audioCache;

	private static volatile Cached<List<VideoDevice>> cameraCache;

	private record Cached<T>(T value, long at) {
	}

	private DeviceProbe() {
	}

	/** Audio devices and the audio layer that lists (and opens) them. */
	public record AudioDevices(AudioLayer layer, List<AudioDevice> microphones, List<AudioDevice> speakers,
			String reason) {
	}

	/** @return the full report; takes up to a few hundred ms */
	public static MediaDevicesReport report() {
		AudioDevices audio = audioDevices();
		List<VideoDevice> cameras = new ArrayList<>();
		String videoReason = videoDevices(cameras);
		return new MediaDevicesReport(audio.layer() != null, audio.reason(), names(audio.microphones()),
				names(audio.speakers()), videoReason.startsWith("listed"), videoReason, names(cameras));
	}

	/**
	 * @return the audio devices, listed at most every few seconds (each call with
	 * {@code AudioInput.auto()} asks); a {@code null} layer when audio devices cannot be used
	 */
	public static AudioDevices audioDevices() {
		Cached<AudioDevices> cached = audioCache;
		if (cached != null && System.nanoTime() - cached.at() < CACHE_NANOS) {
			return cached.value();
		}
		AudioDevices devices = listAudioDevices();
		audioCache = new Cached<>(devices, System.nanoTime());
		return devices;
	}

	private static AudioDevices listAudioDevices() {
		try {
			WebRtcLibrary.load();
		}
		catch (RuntimeException ex) {
			return new AudioDevices(null, List.of(), List.of(), ex.getMessage());
		}
		if (audioHung) {
			return new AudioDevices(null, List.of(), List.of(), "an earlier audio device query never returned");
		}
		try {
			if (!LINUX) {
				return deadline(() -> new AudioDevices(AudioLayer.kPlatformDefaultAudio,
						MediaDevices.getAudioCaptureDevices(), MediaDevices.getAudioRenderDevices(),
						"listed by the platform's audio system"));
			}
			Optional<String> pulse = pulseServer();
			if (pulse.isPresent()) {
				return deadline(() -> new AudioDevices(AudioLayer.kLinuxPulseAudio, MediaDevices.getAudioCaptureDevices(),
						MediaDevices.getAudioRenderDevices(), "listed by PulseAudio at " + pulse.get()));
			}
			return deadline(() -> {
				AudioDeviceModule alsa = new AudioDeviceModule(AudioLayer.kLinuxAlsaAudio);
				try {
					List<AudioDevice> mics = alsa.getRecordingDevices();
					List<AudioDevice> speakers = alsa.getPlayoutDevices();
					return new AudioDevices(AudioLayer.kLinuxAlsaAudio, mics, speakers, mics.isEmpty()
							? "no PulseAudio server, and ALSA lists no capture device" : "listed by ALSA (no PulseAudio server)");
				}
				finally {
					alsa.dispose();
				}
			});
		}
		catch (HungException ex) {
			audioHung = true;
			return new AudioDevices(null, List.of(), List.of(), "the audio device query did not return within "
					+ DEADLINE.toSeconds() + " s; audio devices are not used in this process");
		}
		catch (Throwable ex) {
			return new AudioDevices(null, List.of(), List.of(), "audio devices cannot be listed: " + ex.getMessage());
		}
	}

	/** Fills {@code cameras} and returns a note starting with "listed" when the list is valid. */
	static String videoDevices(List<VideoDevice> cameras) {
		try {
			WebRtcLibrary.load();
			if (videoHung) {
				return "an earlier camera query never returned";
			}
			cameras.addAll(deadline(MediaDevices::getVideoCaptureDevices));
			return cameras.isEmpty() ? "listed: no camera" : "listed";
		}
		catch (HungException ex) {
			videoHung = true;
			return "the camera query did not return within " + DEADLINE.toSeconds() + " s";
		}
		catch (Throwable ex) {
			return "cameras cannot be listed: " + ex.getMessage();
		}
	}

	/** @return the cameras, empty when none or when they cannot be listed (listed at most every few seconds) */
	public static List<VideoDevice> cameras() {
		Cached<List<VideoDevice>> cached = cameraCache;
		if (cached != null && System.nanoTime() - cached.at() < CACHE_NANOS) {
			return cached.value();
		}
		List<VideoDevice> cameras = new ArrayList<>();
		videoDevices(cameras);
		cameraCache = new Cached<>(List.copyOf(cameras), System.nanoTime());
		return cameraCache.value();
	}

	/**
	 * @param devices candidates
	 * @param name part of a name (case-insensitive) or an exact descriptor; {@code null} for the first
	 * @return the matching device
	 */
	public static <D extends Device> Optional<D> find(List<D> devices, String name) {
		if (name == null) {
			return devices.stream().findFirst();
		}
		String wanted = name.toLowerCase();
		return devices.stream()
			.filter((d) -> name.equals(d.getDescriptor())
					|| (d.getName() != null && d.getName().toLowerCase().contains(wanted)))
			.findFirst();
	}

	/** @return where a PulseAudio server answered, if one did */
	static Optional<String> pulseServer() {
		List<String> candidates = new ArrayList<>();
		String env = System.getenv("PULSE_SERVER");
		if (env != null && !env.isBlank()) {
			for (String entry : env.trim().split("\\s+")) {
				candidates.add(entry.startsWith("unix:") ? entry.substring(5) : entry);
			}
		}
		else {
			String runtime = System.getenv("XDG_RUNTIME_DIR");
			if (runtime != null) {
				candidates.add(runtime + "/pulse/native");
			}
			uid().ifPresent((uid) -> candidates.add("/run/user/" + uid + "/pulse/native"));
			candidates.add("/var/run/pulse/native");
			candidates.add("/run/pulse/native");
		}
		return candidates.stream().filter(DeviceProbe::answers).findFirst();
	}

	private static boolean answers(String address) {
		if (address.startsWith("/")) {
			Path path = Path.of(address);
			if (!Files.exists(path)) {
				return false;
			}
			try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
				return channel.connect(UnixDomainSocketAddress.of(path));
			}
			catch (IOException | RuntimeException ex) {
				return false;
			}
		}
		String hostPort = address.startsWith("tcp:") ? address.substring(4) : address;
		int colon = hostPort.lastIndexOf(':');
		String host = (colon > 0) ? hostPort.substring(0, colon) : hostPort;
		int port = (colon > 0) ? Integer.parseInt(hostPort.substring(colon + 1)) : 4713;
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(host, port), 500);
			return true;
		}
		catch (IOException | RuntimeException ex) {
			return false;
		}
	}

	private static Optional<Integer> uid() {
		try {
			return Optional.of((Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
		}
		catch (Exception ex) {
			return Optional.empty();
		}
	}

	private static <T> T deadline(Callable<T> query) throws Exception {
		CompletableFuture<T> result = new CompletableFuture<>();
		Thread thread = new Thread(() -> {
			try {
				result.complete(query.call());
			}
			catch (Throwable ex) {
				result.completeExceptionally(ex);
			}
		}, "oncaller-device-probe");
		thread.setDaemon(true);
		thread.start();
		try {
			return result.get(DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (java.util.concurrent.TimeoutException ex) {
			throw new HungException();
		}
		catch (java.util.concurrent.ExecutionException ex) {
			throw (ex.getCause() instanceof Exception e) ? e : new IllegalStateException(ex.getCause());
		}
	}

	private static List<String> names(List<? extends Device> devices) {
		return devices.stream().map(Device::getName).toList();
	}

	private static final class HungException extends Exception {

		private static final long serialVersionUID = 1L;

	}

}
