package asia.oncaller.signaling;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import asia.oncaller.auth.AuthCode;
import asia.oncaller.call.CallResumption;
import asia.oncaller.call.IceServers;

import org.springframework.messaging.simp.annotation.SubscribeMapping;
import org.springframework.stereotype.Controller;

/**
 * {@code SUBSCRIBE /app/session} answers once with the {@code authen} message: who the
 * connection is, the user's other connected devices (on any node) and the ICE servers, with TURN credentials
 * minted for this user (PROTOCOL §2). The device list is cut to the most recent ones: listing
 * them all to each new device would cost O(devices²) for a user with many.
 */
@Controller
class SessionController {

	static final int LISTED_CLIENTS = 20;

	private final DeviceDirectory directory;

	private final IceServers ice;

	private final ResumeTokens resumeTokens;

	private final CallResumption resumption;

	SessionController(DeviceDirectory directory, IceServers ice, ResumeTokens resumeTokens,
			CallResumption resumption) {
		this.directory = directory;
		this.ice = ice;
		this.resumeTokens = resumeTokens;
		this.resumption = resumption;
	}

	@SubscribeMapping("/session")
	Map<String, Object> authen(ClientPrincipal principal) {
		List<Map<String, Object>> clients = this.directory.recent(principal, LISTED_CLIENTS)
			.stream()
			.map((d) -> Map.<String, Object>of("connectionId", d.connectionId(), "deviceId", d.deviceId(), "platform",
					d.platform()))
			.toList();
		Map<String, Object> authen = new LinkedHashMap<>();
		authen.put("type", "authen");
		authen.put("r", AuthCode.OK.code());
		authen.put("message", AuthCode.OK.message());
		authen.put("userId", principal.identity().userId());
		authen.put("projectId", principal.identity().projectId());
		authen.put("connectionId", principal.connectionId());
		authen.put("deviceId", principal.deviceId());
		authen.put("clients", clients);
		// Minted for the user this connection signed in as, never for a user named by the client.
		authen.put("iceServers", this.ice.forUser(principal.identity().userId()));
		authen.put("resumeToken", this.resumeTokens.issue(principal));
		authen.put("resumeWindowSeconds", this.resumption.window().toSeconds());
		return authen;
	}

}
