package asia.oncaller.numbers.web;

import java.net.URI;

import asia.oncaller.api.AccountScopedPages;
import asia.oncaller.api.ApiException;
import asia.oncaller.api.Page;
import asia.oncaller.api.Paging;
import asia.oncaller.auth.RestIdentity;
import asia.oncaller.auth.RestTokenKind;
import asia.oncaller.auth.RestTokens;
import asia.oncaller.numbers.PhoneNumber;
import asia.oncaller.numbers.PhoneNumberRepository;
import asia.oncaller.tenant.Project;
import asia.oncaller.trunks.SipTrunk;
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

/**
 * An account's phone numbers. A number exists once in the whole system, so adding one that is
 * taken is a 409 whoever holds it; the project and trunk a number names must be the account's.
 */
@RestController
@RequestMapping(path = "/v1/numbers", produces = MediaType.APPLICATION_JSON_VALUE)
@RestTokens(RestTokenKind.ACCOUNT)
@Tag(name = "Numbers", description = "Account REST token")
class NumberController {

	private final PhoneNumberRepository numbers;

	private final AccountScopedPages scoped;

	private final TransactionTemplate transaction;

	NumberController(PhoneNumberRepository numbers, AccountScopedPages scoped,
			TransactionTemplate transaction) {
		this.numbers = numbers;
		this.scoped = scoped;
		this.transaction = transaction;
	}

	@GetMapping
	@Operation(summary = "List numbers, newest first")
	Page<NumberBodies.View> list(RestIdentity account, @RequestParam(required = false) String cursor,
			@RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit) {
		return this.scoped.list("numbers", PhoneNumber.class, account.accountId(), cursor, limit,
				(number) -> Paging.key(number.getCreatedAt(), number.getId()), NumberBodies.View::of);
	}

	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Add a number (E.164, unused anywhere: 409 otherwise)")
	ResponseEntity<NumberBodies.View> create(RestIdentity account, @Valid @RequestBody NumberBodies.Create request) {
		PhoneNumber saved = this.transaction.execute((status) -> {
			checkReferences(account, request.projectId(), request.trunkId());
			if (this.numbers.findByNumber(request.number()).isPresent()) {
				throw ApiException.conflict("number " + request.number() + " is already in use");
			}
			PhoneNumber number = new PhoneNumber(request.number(), account.accountId());
			connect(number, request.projectId(), request.answerUrl(), request.eventUrl(), request.trunkId());
			return this.numbers.saveAndFlush(number);
		});
		return ResponseEntity.created(URI.create("/v1/numbers/" + saved.getId())).body(NumberBodies.View.of(saved));
	}

	@GetMapping("/{numberId}")
	@Operation(summary = "One number")
	NumberBodies.View get(RestIdentity account, @PathVariable String numberId) {
		return NumberBodies.View.of(owned(account, numberId));
	}

	@PutMapping(path = "/{numberId}", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Replace a number's project, URLs and trunk")
	NumberBodies.View update(RestIdentity account, @PathVariable String numberId,
			@Valid @RequestBody NumberBodies.Update request) {
		return this.transaction.execute((status) -> {
			PhoneNumber number = owned(account, numberId);
			checkReferences(account, request.projectId(), request.trunkId());
			connect(number, request.projectId(), request.answerUrl(), request.eventUrl(), request.trunkId());
			return NumberBodies.View.of(this.numbers.saveAndFlush(number));
		});
	}

	@DeleteMapping("/{numberId}")
	@Operation(summary = "Release a number")
	ResponseEntity<Void> delete(RestIdentity account, @PathVariable String numberId) {
		this.transaction.executeWithoutResult((status) -> {
			this.numbers.delete(owned(account, numberId));
			this.numbers.flush();
		});
		return ResponseEntity.noContent().build();
	}

	private PhoneNumber owned(RestIdentity account, String numberId) {
		return this.scoped.find(PhoneNumber.class, account.accountId(), numberId)
			.orElseThrow(() -> ApiException.notFound("number"));
	}

	/** Another account's project or trunk is named exactly as one that does not exist. */
	private void checkReferences(RestIdentity account, String projectId, String trunkId) {
		if (projectId != null && this.scoped.find(Project.class, account.accountId(), projectId).isEmpty()) {
			throw ApiException.unknownReference("projectId", "project");
		}
		if (trunkId != null && this.scoped.find(SipTrunk.class, account.accountId(), trunkId).isEmpty()) {
			throw ApiException.unknownReference("trunkId", "SIP trunk");
		}
	}

	private static void connect(PhoneNumber number, String projectId, String answerUrl, String eventUrl,
			String trunkId) {
		number.setProjectId(projectId);
		number.setAnswerUrl(answerUrl);
		number.setEventUrl(eventUrl);
		number.setTrunkId(trunkId);
	}

}
