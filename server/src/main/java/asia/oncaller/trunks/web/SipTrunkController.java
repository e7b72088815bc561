package asia.oncaller.trunks.web;

import java.net.URI;

import asia.oncaller.api.AccountScopedPages;
import asia.oncaller.api.ApiException;
import asia.oncaller.api.Page;
import asia.oncaller.api.Paging;
import asia.oncaller.auth.RestIdentity;
import asia.oncaller.auth.RestTokenKind;
import asia.oncaller.auth.RestTokens;
import asia.oncaller.trunks.SipTrunk;
import asia.oncaller.trunks.SipTrunkRepository;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** An account's SIP trunks. Their digest credentials are written here and never read back. */
@RestController
@RequestMapping(path = "/v1/sip-trunks", produces = MediaType.APPLICATION_JSON_VALUE)
@RestTokens(RestTokenKind.ACCOUNT)
@Tag(name = "SIP trunks", description = "Account REST token")
class SipTrunkController {

	private final SipTrunkRepository trunks;

	private final AccountScopedPages scoped;

	private final TransactionTemplate transaction;

	SipTrunkController(SipTrunkRepository trunks, AccountScopedPages scoped,
			TransactionTemplate transaction) {
		this.trunks = trunks;
		this.scoped = scoped;
		this.transaction = transaction;
	}

	@GetMapping
	@Operation(summary = "List SIP trunks, newest first")
	Page<SipTrunkBodies.View> list(RestIdentity account, @RequestParam(required = false) String cursor,
			@RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit) {
		return this.scoped.list("sip-trunks", SipTrunk.class, account.accountId(), cursor, limit,
				(trunk) -> Paging.key(trunk.getCreatedAt(), trunk.getId()), SipTrunkBodies.View::of);
	}

	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Add a SIP trunk")
	ResponseEntity<SipTrunkBodies.View> create(RestIdentity account,
			@Valid @RequestBody SipTrunkBodies.Request request) {
		request.checkCredentialsPaired();
		SipTrunk trunk = new SipTrunk(account.accountId(), request.name(), request.host(), request.port(),
				request.transport());
		trunk.setCredentials(request.username(), request.password());
		trunk.setEnabled(request.isEnabled());
		trunk.setDtmfMode(request.dtmfModeOrDefault());
		SipTrunk saved = this.trunks.save(trunk);
		return ResponseEntity.created(URI.create("/v1/sip-trunks/" + saved.getId()))
			.body(SipTrunkBodies.View.of(saved));
	}

	@GetMapping("/{trunkId}")
	@Operation(summary = "One SIP trunk")
	SipTrunkBodies.View get(RestIdentity account, @PathVariable String trunkId) {
		return SipTrunkBodies.View.of(owned(account, trunkId));
	}

	@PutMapping(path = "/{trunkId}", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Replace a SIP trunk's settings (credentials: both to replace, neither to keep)")
	SipTrunkBodies.View update(RestIdentity account, @PathVariable String trunkId,
			@Valid @RequestBody SipTrunkBodies.Request request) {
		request.checkCredentialsPaired();
		return this.transaction.execute((status) -> {
			SipTrunk trunk = owned(account, trunkId);
			trunk.update(request.name(), request.host(), request.port(), request.transport());
			if (request.hasCredentials()) {
				trunk.setCredentials(request.username(), request.password());
			}
			else if (Boolean.TRUE.equals(request.clearCredentials())) {
				trunk.setCredentials(null, null);
			}
			trunk.setEnabled(request.isEnabled());
			trunk.setDtmfMode(request.dtmfModeOrDefault());
			return SipTrunkBodies.View.of(this.trunks.saveAndFlush(trunk));
		});
	}

	@DeleteMapping("/{trunkId}")
	@Operation(summary = "Delete a SIP trunk that no number and no call uses (409 otherwise)")
	ResponseEntity<Void> delete(RestIdentity account, @PathVariable String trunkId) {
		this.transaction.executeWithoutResult((status) -> {
			this.trunks.delete(owned(account, trunkId));
			this.trunks.flush();
		});
		return ResponseEntity.noContent().build();
	}

	private SipTrunk owned(RestIdentity account, String trunkId) {
		return this.scoped.find(SipTrunk.class, account.accountId(), trunkId)
			.orElseThrow(() -> ApiException.notFound("SIP trunk"));
	}

}
