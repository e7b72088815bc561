package asia.oncaller.records;

import asia.oncaller.auth.RestIdentity;
import asia.oncaller.auth.RestTokenKind;
import asia.oncaller.auth.RestTokens;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The tenant's calls in progress as server-sent events (issue 19): each {@code calls} event is the
 * whole list, sent on every change and every 10 s. Browsers read it with {@code fetch}, which,
 * unlike {@code EventSource}, can send the token in a header.
 */
@RestController
@RestTokens({ RestTokenKind.PROJECT, RestTokenKind.ACCOUNT })
@Tag(name = "Call records", description = "Project or account REST token")
class LiveCallController {

	private final LiveCallFeed feed;

	LiveCallController(LiveCallFeed feed) {
		this.feed = feed;
	}

	@GetMapping(path = "/v1/live-calls", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	@Operation(summary = "Stream the calls in progress: an event 'calls' with the whole list on every change")
	SseEmitter stream(RestIdentity tenant) {
		return this.feed.open(tenant);
	}

}
