package asia.oncaller.client;

import java.util.List;

/**
 * What {@link OnCallerClient#probeMediaDevices()} found. Probing never hangs: on Linux, audio
 * devices are only listed when a PulseAudio (or PipeWire-Pulse) server answers on its socket,
 * or through ALSA otherwise, and every native query runs with a deadline.
 *
 * @param audioAvailable whether microphones and speakers could be listed
 * @param audioReason why not, or a short note on where the list comes from
 * @param microphones capture devices' names
 * @param speakers playout devices' names
 * @param videoAvailable whether cameras could be listed
 * @param videoReason why not, or a short note
 * @param cameras cameras' names
 */
public record MediaDevicesReport(boolean audioAvailable, String audioReason, List<String> microphones,
		List<String> speakers, boolean videoAvailable, String videoReason, List<String> cameras) {

	/** Copies the lists. */
	public MediaDevicesReport {
		microphones = List.copyOf(microphones);
		speakers = List.copyOf(speakers);
		cameras = List.copyOf(cameras);
	}

	/** @return whether there is at least one microphone */
	public boolean hasMicrophone() {
		return !this.microphones.isEmpty();
	}

	/** @return whether there is at least one camera */
	public boolean hasCamera() {
		return !this.cameras.isEmpty();
	}

}
