package asia.oncaller.accounts;

import java.net.URI;

import asia.oncaller.api.AccountScopedPages;
import asia.oncaller.api.ApiException;
import asia.oncaller.api.Page;
import asia.oncaller.api.Paging;
import asia.oncaller.auth.RestIdentity;
import asia.oncaller.auth.RestTokenKind;
import asia.oncaller.auth.RestTokens;
import asia.oncaller.tenant.Project;
import asia.oncaller.tenant.ProjectRepository;
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
 * An account's projects. The API key secret is in the answer of the create and rotate requests
 * only, and the webhook signing secret in the answer of the create and signing-secret requests
 * only; no read shows either again.
 */
@RestController
@RequestMapping(path = "/v1/projects", produces = MediaType.APPLICATION_JSON_VALUE)
@RestTokens(RestTokenKind.ACCOUNT)
@Tag(name = "Projects", description = "Account REST token")
class ProjectController {

	private final ProjectRepository projects;

	private final AccountScopedPages scoped;

	private final TransactionTemplate transaction;

	ProjectController(ProjectRepository projects, AccountScopedPages scoped,
			TransactionTemplate transaction) {
		this.projects = projects;
		this.scoped = scoped;
		this.transaction = transaction;
	}

	@GetMapping
	@Operation(summary = "List projects, newest first")
	Page<ProjectBodies.View> list(RestIdentity account, @RequestParam(required = false) String cursor,
			@RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit) {
		return this.scoped.list("projects", Project.class, account.accountId(), cursor, limit,
				(project) -> Paging.key(project.getCreatedAt(), project.getId()), ProjectBodies.View::of);
	}

	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Create a project; the answer holds its API key secret, once")
	ResponseEntity<ProjectBodies.WithSecret> create(RestIdentity account,
			@Valid @RequestBody ProjectBodies.Request request) {
		Project project = new Project(account.accountId(), request.name());
		apply(project, request);
		Project saved = this.projects.save(project);
		return ResponseEntity.created(URI.create("/v1/projects/" + saved.getId()))
			.body(ProjectBodies.WithSecret.created(saved));
	}

	@GetMapping("/{projectId}")
	@Operation(summary = "One project")
	ProjectBodies.View get(RestIdentity account, @PathVariable String projectId) {
		return ProjectBodies.View.of(owned(account, projectId));
	}

	@PutMapping(path = "/{projectId}", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Replace a project's name, URLs and enabled flag")
	ProjectBodies.View update(RestIdentity account, @PathVariable String projectId,
			@Valid @RequestBody ProjectBodies.Request request) {
		return this.transaction.execute((status) -> {
			Project project = owned(account, projectId);
			project.setName(request.name());
			apply(project, request);
			return ProjectBodies.View.of(this.projects.save(project));
		});
	}

	@PostMapping("/{projectId}/api-key")
	@Operation(summary = "Replace the API key; the answer holds the new secret, once. Old tokens stop working")
	ProjectBodies.WithSecret rotateApiKey(RestIdentity account, @PathVariable String projectId) {
		return this.transaction.execute((status) -> {
			Project project = owned(account, projectId);
			project.rotateApiKey();
			return ProjectBodies.WithSecret.apiKeyRotated(this.projects.saveAndFlush(project));
		});
	}

	@PostMapping("/{projectId}/signing-secret")
	@Operation(summary = "Replace the webhook signing secret; the answer holds the new secret, once. "
			+ "Requests are signed with it from the next one on")
	ProjectBodies.SigningSecret rotateSigningSecret(RestIdentity account, @PathVariable String projectId) {
		return this.transaction.execute((status) -> {
			Project project = owned(account, projectId);
			project.rotateSigningSecret();
			return ProjectBodies.SigningSecret.of(this.projects.saveAndFlush(project));
		});
	}

	@DeleteMapping("/{projectId}")
	@Operation(summary = "Delete a project that has no calls and no numbers (409 otherwise; disable it instead)")
	ResponseEntity<Void> delete(RestIdentity account, @PathVariable String projectId) {
		this.transaction.executeWithoutResult((status) -> {
			this.projects.delete(owned(account, projectId));
			// Flush here, so that a call or number still pointing at it is a 409, not a failed commit.
			this.projects.flush();
		});
		return ResponseEntity.noContent().build();
	}

	private Project owned(RestIdentity account, String projectId) {
		return this.scoped.find(Project.class, account.accountId(), projectId)
			.orElseThrow(() -> ApiException.notFound("project"));
	}

	private static void apply(Project project, ProjectBodies.Request request) {
		project.setAnswerUrl(request.answerUrl());
		project.setEventUrl(request.eventUrl());
		project.setEnabled(request.isEnabled());
		project.setClientChosenCallerNames(request.isClientChosenCallerNames());
	}

}
