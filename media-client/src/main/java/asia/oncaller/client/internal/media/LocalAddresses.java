package asia.oncaller.client.internal.media;

import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.Collections;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The machine's addresses that ICE gathers host candidates on: those of interfaces that are up,
 * without loopback and link-local ones (libwebrtc skips both). A call compares them before and
 * after a dropped connection to tell whether the network changed under it (a Wi-Fi to cellular
 * switch, a new DHCP lease), which its ICE cannot survive without a restart.
 */
final class LocalAddresses {

	private LocalAddresses() {
	}

	/** @return the addresses now; empty when the interfaces cannot be listed */
	static Set<InetAddress> now() {
		try {
			return Collections.list(NetworkInterface.getNetworkInterfaces())
				.stream()
				.filter(LocalAddresses::isUp)
				.flatMap((nic) -> Collections.list(nic.getInetAddresses()).stream())
				.filter((address) -> !address.isLoopbackAddress() && !address.isLinkLocalAddress())
				.collect(Collectors.toUnmodifiableSet());
		}
		catch (SocketException ex) {
			return Set.of();
		}
	}

	private static boolean isUp(NetworkInterface nic) {
		try {
			return nic.isUp() && !nic.isLoopback();
		}
		catch (SocketException ex) {
			return false; // it went away while being listed
		}
	}

}
