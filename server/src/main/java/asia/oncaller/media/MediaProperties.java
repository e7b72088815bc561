package asia.oncaller.media;

import java.net.InetSocketAddress;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the server reaches rtpengine (docs/sip.md, "Media bridge").
 *
 * @param ng the {@code host:port} of rtpengine's ng control socket ({@code --listen-ng})
 * @param timeout how long one ng request waits for its reply before it is sent again
 * @param retries how many times a request is sent again after a timeout; safe, since rtpengine
 * answers a repeated cookie from its reply cache instead of acting twice
 * @param dtmfLogListen where the DTMF listener receives rtpengine's DTMF reports, the address
 * given to rtpengine as {@code --dtmf-log-dest}; unset, no listener runs and DTMF from phones is
 * not reported
 */
@ConfigurationProperties("oncaller.media.rtpengine")
record MediaProperties(@DefaultValue("127.0.0.1:22222") String ng, @DefaultValue("500ms") Duration timeout,
		@DefaultValue("2") int retries, String dtmfLogListen) {

	InetSocketAddress ngAddress() {
		return parse(this.ng);
	}

	InetSocketAddress dtmfLogListenAddress() {
		return parse(this.dtmfLogListen);
	}

	/** {@code host:port}, the host may be a bracketed IPv6 literal ({@code [::1]:22222}). */
	static InetSocketAddress parse(String hostAndPort) {
		int colon = hostAndPort.lastIndexOf(':');
		if (colon <= 0) {
			throw new IllegalArgumentException("Expected host:port, got '" + hostAndPort + "'");
		}
		String host = hostAndPort.substring(0, colon).replace("[", "").replace("]", "");
		return new InetSocketAddress(host, Integer.parseInt(hostAndPort.substring(colon + 1)));
	}

}
