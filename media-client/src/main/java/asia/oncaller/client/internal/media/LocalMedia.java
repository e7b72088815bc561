package asia.oncaller.client.internal.media;

import java.util.ArrayList;
import java.util.List;

import asia.oncaller.client.AudioInput;
import asia.oncaller.client.OnCallerError;
import asia.oncaller.client.OnCallerException;
import dev.onvoid.webrtc.PeerConnectionFactory;
import dev.onvoid.webrtc.media.audio.AudioDevice;
import dev.onvoid.webrtc.media.audio.AudioDeviceModule;
import dev.onvoid.webrtc.media.audio.AudioDeviceModuleBase;
import dev.onvoid.webrtc.media.audio.AudioOptions;
import dev.onvoid.webrtc.media.audio.AudioTrack;
import dev.onvoid.webrtc.media.audio.AudioTrackSource;
import dev.onvoid.webrtc.media.audio.CustomAudioSource;
import dev.onvoid.webrtc.media.audio.HeadlessAudioDeviceModule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A call's audio module, factory, audio source and track, and its {@link LocalVideo}. One per
 * call, so that a call's end releases all of it. Two set-ups exist, because webrtc-java 0.14 aborts
 * the JVM when a factory mixes them (its notes, pitfall 2):
 * <ul>
 * <li>microphone: a platform {@link AudioDeviceModule} with the chosen devices, and the factory's
 * own capture source; remote audio also plays on the speaker;</li>
 * <li>synthetic (tone, file, silence, or no microphone): a {@link HeadlessAudioDeviceModule} whose
 * playout is started <em>before</em> the factory is made, and a {@link CustomAudioSource} fed by
 * a {@link MediaPump}.</li>
 * </ul>
 * Created and closed on the call's media thread only.
 */
final class LocalMedia {

	private static final Logger log = LoggerFactory.getLogger(LocalMedia.class);

	final List<OnCallerException> warnings = new ArrayList<>();

	private AudioDeviceModuleBase adm;

	private boolean headless;

	PeerConnectionFactory factory;

	private AudioTrackSource audioSource;

	AudioTrack audioTrack;

	private MediaPump audioPump;

	String audioDescription;

	LocalVideo video;

	static LocalMedia create(MediaSpec spec, String name) {
		WebRtcLibrary.load();
		LocalMedia media = new LocalMedia();
		try {
			media.createAudio(spec, name);
			if (spec.video() != null) {
				media.video = LocalVideo.create(media.factory, spec, name, media.warnings);
			}
			return media;
		}
		catch (RuntimeException | Error ex) {
			media.close();
			throw (ex instanceof OnCallerException oe) ? oe
					: new OnCallerException(OnCallerError.CREATE_PEER_CONNECTION_ERROR, ex.toString(), ex);
		}
	}

	private void createAudio(MediaSpec spec, String name) {
		AudioInput input = spec.audio();
		boolean wantsMicrophone = input instanceof AudioInput.Microphone;
		if (wantsMicrophone || input instanceof AudioInput.Auto) {
			String wanted = wantsMicrophone ? ((AudioInput.Microphone) input).name() : null;
			DeviceProbe.AudioDevices devices = DeviceProbe.audioDevices();
			AudioDevice mic = (devices.layer() != null) ? DeviceProbe.find(devices.microphones(), wanted).orElse(null) : null;
			if (mic != null && openMicrophone(devices, mic, spec.speaker())) {
				return;
			}
			if (wantsMicrophone) {
				this.warnings.add(new OnCallerException(OnCallerError.GET_USER_MEDIA_ERROR,
						"no microphone" + ((wanted != null) ? " matching \"" + wanted + "\"" : "") + " (" + devices.reason()
								+ "); sending silence"));
				openSynthetic(AudioProducer.silence(), "silence (no microphone)", name);
			}
			else {
				double hz = ((AudioInput.Auto) input).fallbackFrequency();
				openSynthetic(AudioProducer.tone(hz, 0.3), "tone " + hz + " Hz (no microphone: " + devices.reason() + ")",
						name);
			}
			return;
		}
		if (input instanceof AudioInput.Tone tone) {
			openSynthetic(AudioProducer.tone(tone.frequency(), tone.amplitude()), "tone " + tone.frequency() + " Hz", name);
		}
		else if (input instanceof AudioInput.PcmFile file) {
			AudioProducer producer;
			String description = "file " + file.path();
			try {
				producer = file.wav() ? PcmFile.wav(file.path())
						: PcmFile.raw(file.path(), file.sampleRate(), file.channels());
			}
			catch (Exception ex) {
				this.warnings.add(new OnCallerException(OnCallerError.MEDIA_SOURCE_ERROR, file.path() + ": " + ex.getMessage()));
				producer = AudioProducer.silence();
				description = "silence (unreadable " + file.path() + ")";
			}
			openSynthetic(producer, description, name);
		}
		else {
			openSynthetic(AudioProducer.silence(), "silence", name);
		}
	}

	private boolean openMicrophone(DeviceProbe.AudioDevices devices, AudioDevice mic, String speakerName) {
		AudioDeviceModule module = null;
		try {
			module = new AudioDeviceModule(devices.layer());
			module.setRecordingDevice(mic);
			AudioDevice speaker = DeviceProbe.find(devices.speakers(), speakerName).orElse(null);
			if (speaker != null) {
				module.setPlayoutDevice(speaker);
			}
			module.initRecording();
			if (speaker != null) {
				module.initPlayout();
			}
			this.adm = module;
			this.factory = new PeerConnectionFactory(module);
			AudioOptions options = new AudioOptions();
			options.echoCancellation = true;
			options.noiseSuppression = true;
			options.autoGainControl = true;
			options.highpassFilter = true;
			this.audioSource = this.factory.createAudioSource(options);
			this.audioTrack = this.factory.createAudioTrack("audio0", this.audioSource);
			this.audioDescription = "microphone " + mic.getName();
			return true;
		}
		catch (Throwable ex) {
			this.warnings.add(new OnCallerException(OnCallerError.GET_USER_MEDIA_ERROR,
					"microphone " + mic.getName() + " could not be opened: " + ex.getMessage()));
			close();
			this.adm = null;
			this.factory = null;
			return false;
		}
	}

	private void openSynthetic(AudioProducer producer, String description, String name) {
		HeadlessAudioDeviceModule module = new HeadlessAudioDeviceModule();
		this.adm = module;
		this.headless = true;
		// Before the factory: otherwise WebRTC's own recording thread races the pushed audio and aborts.
		module.initPlayout();
		module.startPlayout();
		this.factory = new PeerConnectionFactory(module);
		CustomAudioSource source = new CustomAudioSource();
		this.audioSource = source;
		this.audioTrack = this.factory.createAudioTrack("audio0", source);
		this.audioPump = MediaPump.audio(name + "-audio", producer, source);
		this.audioDescription = description;
	}

	/** Adds video to an audio call (upgrade). */
	void addVideo(MediaSpec spec, String name) {
		if (this.video == null) {
			this.video = LocalVideo.create(this.factory, spec, name, this.warnings);
		}
	}

	/** Stops the pumps: no more pushes into the sources after this returns. */
	void stopPumps() {
		if (this.audioPump != null) {
			this.audioPump.stop();
			this.audioPump = null;
		}
		if (this.video != null) {
			this.video.stopPump();
		}
	}

	/**
	 * Releases tracks, sources, the factory and the audio module, in that order. The peer
	 * connection must already have removed its senders and been closed.
	 */
	void close() {
		stopPumps();
		if (this.video != null) {
			this.video.close();
			this.video = null;
		}
		dispose("audio track", (this.audioTrack != null) ? this.audioTrack::dispose : null);
		this.audioTrack = null;
		if (this.audioSource instanceof CustomAudioSource custom) {
			dispose("audio source", custom::dispose);
		}
		this.audioSource = null;
		dispose("factory", (this.factory != null) ? this.factory::dispose : null);
		this.factory = null;
		AudioDeviceModuleBase module = this.adm;
		if (module != null && this.headless) {
			dispose("playout", module::stopPlayout);
		}
		dispose("audio module", (module != null) ? module::dispose : null);
		this.adm = null;
	}

	static void dispose(String what, Runnable action) {
		if (action == null) {
			return;
		}
		try {
			action.run();
		}
		catch (Throwable ex) {
			log.warn("Releasing the {} failed: {}", what, ex.toString());
		}
	}

}
