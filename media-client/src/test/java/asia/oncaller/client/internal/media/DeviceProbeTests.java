package asia.oncaller.client.internal.media;

import asia.oncaller.client.MediaDevicesReport;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Probing devices through webrtc-java never hangs or crashes, whatever the machine has: on a
 * machine without a PulseAudio server (CI) the audio queries that would block forever are never
 * made, and the report says why there is no microphone.
 */
class DeviceProbeTests {

	@Test
	void probeReturnsAReportWithinItsDeadlines() {
		long start = System.nanoTime();
		MediaDevicesReport report = DeviceProbe.report();
		assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(12_000);
		assertThat(report.audioReason()).isNotBlank();
		assertThat(report.videoReason()).isNotBlank();
		if (DeviceProbe.pulseServer().isEmpty()) {
			assertThat(report.audioReason()).contains("no PulseAudio server");
		}
	}

	@Test
	void devicesAreFoundByPartOfTheirNameOrDescriptor() {
		var devices = java.util.List.of(new TestDevice("Built-in Microphone", "hw:0"), new TestDevice("USB Headset", "hw:1"));
		assertThat(DeviceProbe.find(devices, "usb")).map(TestDevice::getName).hasValue("USB Headset");
		assertThat(DeviceProbe.find(devices, "hw:0")).map(TestDevice::getName).hasValue("Built-in Microphone");
		assertThat(DeviceProbe.find(devices, null)).map(TestDevice::getName).hasValue("Built-in Microphone");
		assertThat(DeviceProbe.find(devices, "camera")).isEmpty();
	}

	static final class TestDevice extends dev.onvoid.webrtc.media.Device {

		TestDevice(String name, String descriptor) {
			super(name, descriptor);
		}

	}

}
