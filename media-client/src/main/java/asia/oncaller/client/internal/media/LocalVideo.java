package asia.oncaller.client.internal.media;

import java.util.List;

import asia.oncaller.client.OnCallerError;
import asia.oncaller.client.OnCallerException;
import asia.oncaller.client.VideoInput;
import asia.oncaller.client.VideoResolution;
import dev.onvoid.webrtc.PeerConnectionFactory;
import dev.onvoid.webrtc.media.video.CustomVideoSource;
import dev.onvoid.webrtc.media.video.VideoCaptureCapability;
import dev.onvoid.webrtc.media.video.VideoDevice;
import dev.onvoid.webrtc.media.video.VideoDeviceSource;
import dev.onvoid.webrtc.media.video.VideoTrack;
import dev.onvoid.webrtc.media.video.VideoTrackSource;

/**
 * A call's outgoing video: a camera ({@link VideoDeviceSource}) or a {@link CustomVideoSource}
 * fed by a {@link MediaPump} (test pattern, raw file, or black frames when the camera asked for
 * is missing). Created and closed on the call's media thread.
 */
final class LocalVideo {

	private VideoTrackSource source;

	private MediaPump pump;

	private AutoCloseable file;

	VideoTrack track;

	String description;

	VideoResolution resolution;

	static LocalVideo create(PeerConnectionFactory factory, MediaSpec spec, String name,
			List<OnCallerException> warnings) {
		LocalVideo video = new LocalVideo();
		VideoInput input = spec.video();
		VideoResolution size = spec.resolution();
		boolean wantsCamera = input instanceof VideoInput.Camera;
		if (wantsCamera || input instanceof VideoInput.Auto) {
			String wanted = wantsCamera ? ((VideoInput.Camera) input).name() : null;
			List<VideoDevice> cameras = DeviceProbe.cameras();
			VideoDevice camera = DeviceProbe.find(cameras, wanted).orElse(null);
			if (camera != null && video.openCamera(camera, spec, warnings)) {
				video.track = factory.createVideoTrack("video0", video.source);
				return video;
			}
			if (wantsCamera) {
				if (camera == null) {
					warnings.add(new OnCallerException(OnCallerError.GET_USER_MEDIA_ERROR, "no camera"
							+ ((wanted != null) ? " matching \"" + wanted + "\"" : "") + "; sending black frames"));
				}
				video.synthetic(factory, VideoProducer.black(size.width(), size.height()), spec.frameRate(),
						"black frames (no camera)", name);
			}
			else {
				video.synthetic(factory, new TestPattern(size.width(), size.height()), spec.frameRate(),
						"test pattern " + size + " (no camera)", name);
			}
		}
		else if (input instanceof VideoInput.RawFile raw) {
			VideoProducer producer;
			String description = "file " + raw.path();
			try {
				RawVideoFile file = new RawVideoFile(raw.path(), raw.resolution().width(), raw.resolution().height());
				video.file = file;
				producer = file;
			}
			catch (Exception ex) {
				warnings.add(new OnCallerException(OnCallerError.MEDIA_SOURCE_ERROR, raw.path() + ": " + ex.getMessage()));
				producer = VideoProducer.black(raw.resolution().width(), raw.resolution().height());
				description = "black frames (unreadable " + raw.path() + ")";
			}
			video.synthetic(factory, producer, raw.frameRate(), description, name);
		}
		else {
			video.synthetic(factory, new TestPattern(size.width(), size.height()), spec.frameRate(),
					"test pattern " + size, name);
		}
		return video;
	}

	private boolean openCamera(VideoDevice camera, MediaSpec spec, List<OnCallerException> warnings) {
		VideoDeviceSource device = new VideoDeviceSource();
		try {
			device.setVideoCaptureDevice(camera);
			device.setVideoCaptureCapability(new VideoCaptureCapability(spec.resolution().width(),
					spec.resolution().height(), spec.frameRate()));
			device.start();
			this.source = device;
			this.description = "camera " + camera.getName();
			this.resolution = spec.resolution();
			return true;
		}
		catch (Throwable ex) {
			warnings.add(new OnCallerException(OnCallerError.GET_USER_MEDIA_ERROR,
					"camera " + camera.getName() + " could not be started: " + ex.getMessage()));
			LocalMedia.dispose("camera", device::stop);
			LocalMedia.dispose("camera", device::dispose);
			return false;
		}
	}

	private void synthetic(PeerConnectionFactory factory, VideoProducer producer, int frameRate, String description,
			String name) {
		CustomVideoSource custom = new CustomVideoSource();
		this.source = custom;
		this.track = factory.createVideoTrack("video0", custom);
		this.pump = MediaPump.video(name + "-video", producer, custom, frameRate);
		this.description = description;
		this.resolution = new VideoResolution(producer.width(), producer.height());
	}

	void stopPump() {
		if (this.pump != null) {
			this.pump.stop();
			this.pump = null;
		}
	}

	/** Releases the track, then the source (stopping a camera first). */
	void close() {
		stopPump();
		LocalMedia.dispose("video track", (this.track != null) ? this.track::dispose : null);
		this.track = null;
		if (this.source instanceof VideoDeviceSource device) {
			LocalMedia.dispose("camera", device::stop);
			LocalMedia.dispose("camera", device::dispose);
		}
		else if (this.source instanceof CustomVideoSource custom) {
			LocalMedia.dispose("video source", custom::dispose);
		}
		this.source = null;
		if (this.file != null) {
			LocalMedia.dispose("video file", () -> {
				try {
					this.file.close();
				}
				catch (Exception ex) {
					throw new IllegalStateException(ex);
				}
			});
		}
	}

}
