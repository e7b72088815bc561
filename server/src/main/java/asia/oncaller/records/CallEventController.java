package asia.oncaller.records;

import java.util.List;

import asia.oncaller.api.ApiException;
import asia.oncaller.auth.RestIdentity;
import asia.oncaller.auth.RestTokenKind;
import asia.oncaller.auth.RestTokens;
import asia.oncaller.webhook.WebhookDeliveries;
import asia.oncaller.webhook.WebhookDelivery;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /v1/calls/{callId}/events}: the call's event_url events and how their delivery
 * stands (docs/webhooks.md). Visible to the same tokens as the call record; another tenant's call
 * answers 404 like a missing one.
 */
@RestController
@RestTokens({ RestTokenKind.PROJECT, RestTokenKind.ACCOUNT })
@Tag(name = "Call records", description = "Project or account REST token")
class CallEventController {

	private final CallRecordQuery calls;

	private final WebhookDeliveries deliveries;

	CallEventController(CallRecordQuery calls, WebhookDeliveries deliveries) {
		this.calls = calls;
		this.deliveries = deliveries;
	}

	@GetMapping(path = "/v1/calls/{callId}/events", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "The call's webhook events and their delivery state")
	List<WebhookDelivery> events(RestIdentity tenant, @PathVariable String callId) {
		this.calls.find(tenant, callId).orElseThrow(() -> ApiException.notFound("call"));
		return this.deliveries.forCall(callId);
	}

}
