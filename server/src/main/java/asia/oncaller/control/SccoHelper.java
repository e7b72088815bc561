package asia.oncaller.control;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import asia.oncaller.tenant.CallingProject;
import asia.oncaller.tenant.Project;
import asia.oncaller.tenant.ProjectRepository;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/**
 * What the built-in answer_url answers (see {@link SccoHelperController}, which serves it over
 * HTTP, and {@link SccoHelperRequest}, which answers this server's own requests to it without
 * HTTP): the connect of the caller to {@code to}, or a 400 naming the wrong parameter.
 */
@Component
class SccoHelper {

	/** The helper's path, below the servlet context path. */
	static final String PATH = "/scco-helper/project-answer-url";

	private final ProjectRepository projects;

	SccoHelper(ProjectRepository projects) {
		this.projects = projects;
	}

	/**
	 * The SCCO for the parameters, as the controller binds them.
	 * @param known the calling project if the caller already has it, else {@code null}; it stands
	 * for a look-up of {@code projectId} only when it is that project
	 * @throws ResponseStatusException 400 when a parameter is wrong
	 */
	List<Map<String, Object>> answer(String from, String to, String userId, String projectId, String appToPhone,
			int timeout, int maxConnectTime, boolean peerToPeerCall, Recording recording, CallingProject known) {
		requireNumber("from", from);
		requireNumber("to", to);
		AppToPhone toPhone = AppToPhone.of(appToPhone);
		if (timeout < 1 || timeout > 600) {
			throw badRequest("timeout must be a whole number of seconds in 1..600");
		}
		if (maxConnectTime != ConnectAction.UNLIMITED_CONNECT_TIME && (maxConnectTime < 1 || maxConnectTime > 86_400)) {
			throw badRequest("maxConnectTime must be -1 (no limit) or a whole number of seconds in 1..86400");
		}
		boolean toPhoneNumber = toPhone.isPhoneNumber(to);
		String caller = (userId != null && !toPhoneNumber && !clientChosenCallerNames(projectId, known)) ? userId
				: from;
		Map<String, Object> connect = new LinkedHashMap<>();
		connect.put("action", ConnectAction.NAME);
		connect.put("from", endpoint(Endpoint.INTERNAL, caller));
		connect.put("to", endpoint(toPhoneNumber ? Endpoint.EXTERNAL : Endpoint.INTERNAL, to));
		connect.put("timeout", timeout);
		connect.put("maxConnectTime", maxConnectTime);
		// A recorded call must pass through the server: peer to peer it could not be recorded, and
		// the reference product's helper then records nothing without a word.
		connect.put("peerToPeerCall", peerToPeerCall && !recording.record());
		if (!recording.record()) {
			return List.of(connect);
		}
		Map<String, Object> record = new LinkedHashMap<>();
		record.put("action", RecordAction.NAME);
		record.put("format", recording.format());
		return List.of(record, connect);
	}

	/**
	 * The helper's {@code record} and {@code recordFormat} parameters.
	 * @param record whether the call is recorded (a {@code record} action before the connect)
	 * @param format {@code mp3}, {@code wav} or {@code mp4} (recorded as mp3)
	 */
	record Recording(boolean record, String format) {

		Recording {
			if (!List.of("mp3", "wav", "mp4").contains(format)) {
				throw badRequest("recordFormat must be mp3, wav or mp4");
			}
		}

	}

	private boolean clientChosenCallerNames(String projectId, CallingProject known) {
		if (projectId == null) {
			return false;
		}
		if (known != null && known.id().equals(projectId)) {
			return known.clientChosenCallerNames();
		}
		return this.projects.findById(projectId).map(Project::isClientChosenCallerNames).orElse(false);
	}

	private static Map<String, Object> endpoint(String type, String number) {
		Map<String, Object> endpoint = new LinkedHashMap<>();
		endpoint.put("type", type);
		endpoint.put("number", number);
		endpoint.put("alias", number);
		return endpoint;
	}

	// The SCCO would be refused with code 2 anyway; a 400 names the parameter at fault.
	private static void requireNumber(String name, String value) {
		if (value.isBlank() || value.length() > Endpoint.MAX_LENGTH) {
			throw badRequest(name + " must be a non-blank string of at most " + Endpoint.MAX_LENGTH + " characters");
		}
	}

	static ResponseStatusException badRequest(String detail) {
		return new ResponseStatusException(HttpStatus.BAD_REQUEST, detail);
	}

}
