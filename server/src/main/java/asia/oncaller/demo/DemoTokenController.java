package asia.oncaller.demo;

import java.util.Map;

import asia.oncaller.auth.TokenIssuer;
import asia.oncaller.tenant.Project;
import asia.oncaller.tenant.ProjectRepository;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.context.annotation.Conditional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /demo/token?userId=alice}: a client token of the demo project, as a customer's
 * server would sign it. Exists only in demo mode.
 */
@RestController
@Conditional(DemoModeCondition.class)
class DemoTokenController {

	private final ProjectRepository projects;

	private final TokenIssuer tokens;

	private final DemoProperties properties;

	DemoTokenController(ProjectRepository projects, TokenIssuer tokens, DemoProperties properties) {
		this.projects = projects;
		this.tokens = tokens;
		this.properties = properties;
	}

	@GetMapping("/demo/token")
	Map<String, Object> token(@RequestParam @NotBlank @Size(max = 128) String userId) {
		Project project = this.projects.findById(DemoTenantLoader.PROJECT_ID).orElseThrow();
		String token = this.tokens.clientToken(project.getApiKeySid(), project.getApiKeySecret(), userId,
				this.properties.tokenTtl());
		return Map.of("userId", userId, "projectId", project.getId(), "accessToken", token, "expiresIn",
				this.properties.tokenTtl().toSeconds());
	}

}
