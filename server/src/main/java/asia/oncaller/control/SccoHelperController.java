package asia.oncaller.control;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import asia.oncaller.tenant.Project;
import asia.oncaller.tenant.ProjectRepository;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The built-in answer_url, for projects that need no logic of their own: it connects the caller
 * ({@code from}, an app user) to {@code to}, an app user or a phone number as
 * {@code appToPhone} says. {@code from} and {@code to} are the parameters the server sends to
 * every answer_url; the others are part of the answer_url the project is configured with, e.g.
 * {@code /scco-helper/project-answer-url?appToPhone=auto}. Wrong parameters answer 400 with a
 * problem detail, which makeCall reports as code 1.
 * <p>
 * An app user chooses {@code from} ({@code call.make}'s {@code fromNumber}), so a callee who is an
 * app user is shown the caller's authenticated {@code userId} instead, which the server adds to
 * the request of every app user's call; otherwise any user could pose as any other, or as "Your
 * Bank". A project that wants its users to choose the name shown opts in with
 * {@code clientChosenCallerNames}. A call to a phone keeps {@code from}: it must be one of the
 * account's numbers anyway (makeCall codes 4 and 5), and the phone network shows no userId.
 */
@RestController
class SccoHelperController {

	private final ProjectRepository projects;

	SccoHelperController(ProjectRepository projects) {
		this.projects = projects;
	}

	@GetMapping(path = "/scco-helper/project-answer-url", produces = MediaType.APPLICATION_JSON_VALUE)
	List<Map<String, Object>> projectAnswerUrl(@RequestParam String from, @RequestParam String to,
			@RequestParam(required = false) String userId, @RequestParam(required = false) String projectId,
			@RequestParam(defaultValue = "false") String appToPhone,
			@RequestParam(defaultValue = "" + ConnectAction.DEFAULT_TIMEOUT_SECONDS) int timeout,
			@RequestParam(defaultValue = "" + ConnectAction.UNLIMITED_CONNECT_TIME) int maxConnectTime,
			@RequestParam(defaultValue = "true") boolean peerToPeerCall) {
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
		String caller = (userId != null && !toPhoneNumber && !clientChosenCallerNames(projectId)) ? userId : from;
		Map<String, Object> connect = new LinkedHashMap<>();
		connect.put("action", ConnectAction.NAME);
		connect.put("from", endpoint(Endpoint.INTERNAL, caller));
		connect.put("to", endpoint(toPhoneNumber ? Endpoint.EXTERNAL : Endpoint.INTERNAL, to));
		connect.put("timeout", timeout);
		connect.put("maxConnectTime", maxConnectTime);
		connect.put("peerToPeerCall", peerToPeerCall);
		return List.of(connect);
	}

	private boolean clientChosenCallerNames(String projectId) {
		return projectId != null
				&& this.projects.findById(projectId).map(Project::isClientChosenCallerNames).orElse(false);
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

	private static ResponseStatusException badRequest(String detail) {
		return new ResponseStatusException(HttpStatus.BAD_REQUEST, detail);
	}

}
