package asia.oncaller.control;

import java.util.List;
import java.util.Map;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

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

	private final SccoHelper helper;

	SccoHelperController(SccoHelper helper) {
		this.helper = helper;
	}

	@GetMapping(path = SccoHelper.PATH, produces = MediaType.APPLICATION_JSON_VALUE)
	List<Map<String, Object>> projectAnswerUrl(@RequestParam String from, @RequestParam String to,
			@RequestParam(required = false) String userId, @RequestParam(required = false) String projectId,
			@RequestParam(defaultValue = "false") String appToPhone,
			@RequestParam(defaultValue = "" + ConnectAction.DEFAULT_TIMEOUT_SECONDS) int timeout,
			@RequestParam(defaultValue = "" + ConnectAction.UNLIMITED_CONNECT_TIME) int maxConnectTime,
			@RequestParam(defaultValue = "true") boolean peerToPeerCall,
			@RequestParam(defaultValue = "false") boolean record, @RequestParam(defaultValue = "mp3") String recordFormat) {
		return this.helper.answer(from, to, userId, projectId, appToPhone, timeout, maxConnectTime, peerToPeerCall,
				new SccoHelper.Recording(record, recordFormat), null);
	}

}
