package asia.oncaller.client;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The {@code incomingCall} message, read defensively. */
record IncomingCall(String callId, String fromNumber, String toNumber, String fromAlias, String toAlias,
		boolean isVideoCall, boolean fromInternal, String customDataFromYourServer, List<IceServer> iceServers) {

	static IncomingCall of(Map<String, Object> m) {
		return new IncomingCall(text(m.get("callId")), text(m.get("fromNumber")), text(m.get("toNumber")),
				text(m.get("fromAlias")), text(m.get("toAlias")), Boolean.TRUE.equals(m.get("isVideoCall")),
				!Boolean.FALSE.equals(m.get("fromInternal")), text(m.get("customDataFromYourServer")),
				iceServers(m.get("iceServers")));
	}

	/** @return the {@code iceServers} array of a message, skipping malformed entries */
	static List<IceServer> iceServers(Object value) {
		List<IceServer> servers = new ArrayList<>();
		if (value instanceof List<?> list) {
			for (Object item : list) {
				if (item instanceof Map<?, ?> server) {
					Object urls = server.get("urls");
					List<String> urlList = new ArrayList<>();
					if (urls instanceof List<?> many) {
						many.forEach((u) -> urlList.add(String.valueOf(u)));
					}
					else if (urls instanceof String one) {
						urlList.add(one);
					}
					if (!urlList.isEmpty()) {
						servers.add(new IceServer(urlList, text(server.get("username")), text(server.get("credential"))));
					}
				}
			}
		}
		return servers;
	}

	static Authen authen(Map<String, Object> m) {
		List<Authen.Connection> clients = new ArrayList<>();
		if (m.get("clients") instanceof List<?> list) {
			for (Object item : list) {
				if (item instanceof Map<?, ?> c) {
					clients.add(new Authen.Connection(text(c.get("connectionId")), text(c.get("deviceId")),
							text(c.get("platform"))));
				}
			}
		}
		return new Authen((m.get("r") instanceof Number n) ? n.intValue() : OnCallerError.INVALID_REPLY.code(),
				text(m.get("message")), text(m.get("userId")), text(m.get("projectId")), text(m.get("connectionId")),
				text(m.get("deviceId")), clients, iceServers(m.get("iceServers")));
	}

	private static String text(Object value) {
		return (value != null) ? value.toString() : null;
	}

}
