package asia.oncaller.recording;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import asia.oncaller.TestTenants;
import asia.oncaller.common.Sids;
import asia.oncaller.tenant.Project;
import asia.oncaller.tenant.ProjectRepository;
import asia.oncaller.testsupport.RestTestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /v1/recordings}, {@code GET /v1/recordings/{id}} and
 * {@code GET /v1/calls/{callId}/recording} over real HTTP on real PostgreSQL, with files on disk:
 * each token sees its tenant's recordings only (another tenant's is a 404 like a missing one),
 * nobody without a token sees any, no id reaches outside the recordings folder, and the age and
 * size limits remove the oldest files while their rows stay, DELETED.
 */
class RecordingApiIntegrationTests extends RestTestSupport {

	private static final Instant T0 = Instant.parse("2026-11-01T10:00:00Z");

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	RecordingFiles files;

	@Autowired
	RecordingPruner pruner;

	@Autowired
	ProjectRepository projects;

	TestTenants.Tenant tenant;

	@BeforeEach
	void tenantOfItsOwn() {
		this.tenant = tenant();
	}

	@Test
	void projectTokenSeesItsProjectAndAccountTokenTheWholeAccountNewestFirst() {
		Project second = this.projects.save(new Project(this.tenant.account.getId(), "Second app"));
		String older = seed(this.tenant.project, T0, "READY", "wav", 10);
		String newer = seed(second, T0.plusSeconds(60), "READY", "mp3", 10);
		String pending = seed(this.tenant.project, T0.plusSeconds(120), "PENDING", "wav", 0);

		assertThat(ids(get("/v1/recordings", this.tenant.projectToken()))).containsExactly(pending, older);
		assertThat(ids(get("/v1/recordings", this.tenant.accountToken()))).containsExactly(pending, newer, older);
		Map<String, Object> ready = get("/v1/recordings", this.tenant.accountToken()).data().get(2);
		assertThat(ready).containsEntry("recordingId", older)
			.containsEntry("status", "READY")
			.containsEntry("format", "wav")
			.containsEntry("url", "/v1/recordings/" + older)
			.containsEntry("sizeBytes", 10)
			.containsEntry("createdAt", "2026-11-01T10:00:00Z");
		assertThat(get("/v1/recordings", this.tenant.projectToken()).data().get(0)).containsEntry("url", null);
		assertThat(ids(get("/v1/recordings?callId=" + callOf(newer), this.tenant.accountToken())))
			.containsExactly(newer);
	}

	@Test
	void pagesWithAnOpaqueCursor() {
		String first = seed(this.tenant.project, T0, "READY", "wav", 1);
		String second = seed(this.tenant.project, T0.plusSeconds(1), "READY", "wav", 1);
		String third = seed(this.tenant.project, T0.plusSeconds(2), "READY", "wav", 1);
		Response page = get("/v1/recordings?limit=2", this.tenant.projectToken());
		assertThat(ids(page)).containsExactly(third, second);
		String cursor = (String) page.map().get("nextCursor");
		assertThat(ids(get("/v1/recordings?limit=2&cursor=" + cursor, this.tenant.projectToken()))).containsExactly(first);
		assertThat(get("/v1/recordings?limit=2&cursor=" + cursor, tenant().projectToken()).status())
			.as("another tenant's cursor").isEqualTo(400);
		assertThat(get("/v1/recordings?limit=101", this.tenant.projectToken()).status()).isEqualTo(400);
	}

	@Test
	void downloadsTheAudioByIdAndByCall() {
		String wav = seed(this.tenant.project, T0, "READY", "wav", 10);
		String mp3 = seed(this.tenant.project, T0, "READY", "mp3", 10);

		Response byId = download("/v1/recordings/" + wav, this.tenant.projectToken());
		assertThat(byId.status()).isEqualTo(200);
		assertThat(byId.contentType()).isEqualTo("audio/wav");
		assertThat(byId.body()).isEqualTo(content(wav));
		assertThat(byId.headers().getContentDisposition().getFilename()).isEqualTo(wav + ".wav");
		Response byCall = download("/v1/calls/" + callOf(mp3) + "/recording", this.tenant.accountToken());
		assertThat(byCall.status()).isEqualTo(200);
		assertThat(byCall.contentType()).isEqualTo("audio/mpeg");
		assertThat(byCall.body()).isEqualTo(content(mp3));
	}

	@Test
	void anotherTenantsRecordingIsAsAbsentAsAMissingOne() {
		String mine = seed(this.tenant.project, T0, "READY", "wav", 10);
		TestTenants.Tenant other = tenant();

		for (String token : List.of(other.projectToken(), other.accountToken())) {
			assertThat(download("/v1/recordings/" + mine, token).status()).isEqualTo(404);
			assertThat(download("/v1/calls/" + callOf(mine) + "/recording", token).status()).isEqualTo(404);
			assertThat(ids(get("/v1/recordings", token))).isEmpty();
			assertThat(ids(get("/v1/recordings?callId=" + callOf(mine), token))).isEmpty();
		}
		Project sibling = this.projects.save(new Project(this.tenant.account.getId(), "Sibling"));
		assertThat(download("/v1/recordings/" + mine, this.tenants.projectToken(sibling)).status())
			.as("a project token of the same account, another project").isEqualTo(404);
		assertThat(download("/v1/recordings/rec-" + "0".repeat(32), this.tenant.projectToken()).status())
			.isEqualTo(404);
	}

	@Test
	void withoutAValidTokenNothingIsShown() {
		String mine = seed(this.tenant.project, T0, "READY", "wav", 10);
		for (String path : List.of("/v1/recordings", "/v1/recordings/" + mine, "/v1/calls/" + callOf(mine) + "/recording")) {
			assertThat(download(path, null).status()).as(path).isEqualTo(401);
			assertThat(download(path, "not.a.token").status()).as(path).isEqualTo(401);
			assertThat(download(path, this.tenants.clientToken(this.tenant.project, "alice")).status())
				.as("a client token on " + path).isEqualTo(401);
		}
	}

	@Test
	void noIdReachesOutsideTheRecordingsFolder() throws Exception {
		String mine = seed(this.tenant.project, T0, "READY", "wav", 10);
		// A file beside the account's folder that a traversal would reach.
		Path secret = this.files.file(this.tenant.account.getId(), mine, "wav").getParent().resolveSibling("secret.wav");
		Files.writeString(secret, "secret");
		for (String path : List.of("/v1/recordings/..%2Fsecret", "/v1/recordings/..%2F..%2F..%2Fetc%2Fpasswd",
				"/v1/recordings/" + mine + "%2F..%2F..%2Fsecret", "/v1/recordings/rec-..", "/v1/recordings/%2e%2e",
				"/v1/calls/..%2F..%2Fsecret/recording", "/v1/recordings/" + mine.toUpperCase())) {
			Response response = download(path, this.tenant.accountToken());
			assertThat(response.status()).as(path).isIn(400, 404);
			assertThat(response.body()).as(path).doesNotContain("secret").doesNotContain("root:");
		}
	}

	@Test
	void recordingsPastTheAgeLimitAreRemovedWithTheirFiles() {
		String old = seed(this.tenant.project, T0, "READY", "wav", 10);
		this.jdbc.update("UPDATE recording SET ready_at = ? WHERE id = ?",
				Timestamp.from(Instant.now().minus(Duration.ofDays(31))), old);
		String recent = seed(this.tenant.project, T0, "READY", "wav", 10);

		this.pruner.prune();

		assertThat(status(old)).isEqualTo("DELETED");
		assertThat(file(old)).doesNotExist();
		assertThat(download("/v1/recordings/" + old, this.tenant.projectToken()).status()).isEqualTo(404);
		assertThat(status(recent)).isEqualTo("READY");
		assertThat(file(recent)).exists();
	}

	@Test
	void anAccountPastItsSizeLimitLosesItsOldestRecordingsFirst() {
		long half = 600L * 1024 * 1024;
		String oldest = seed(this.tenant.project, T0, "READY", "wav", half);
		String middle = seed(this.tenant.project, T0.plusSeconds(1), "READY", "wav", half);
		String newest = seed(this.tenant.project, T0.plusSeconds(2), "READY", "wav", 10);
		TestTenants.Tenant other = tenant();
		String othersHuge = seed(other.project, T0, "READY", "wav", half);

		this.pruner.prune();

		assertThat(status(oldest)).isEqualTo("DELETED");
		assertThat(file(oldest)).doesNotExist();
		assertThat(status(middle)).isEqualTo("READY");
		assertThat(status(newest)).isEqualTo("READY");
		assertThat(status(othersHuge)).as("another account's limit is its own").isEqualTo("READY");
	}

	/** A recording row and, when READY, its file, whose content names it; returns its id. */
	private String seed(Project project, Instant createdAt, String status, String format, long sizeBytes) {
		String id = Sids.newSid("rec-");
		this.jdbc.update("""
				INSERT INTO recording (id, call_id, account_id, project_id, kind, format, stereo, status, size_bytes,
				  duration_ms, created_at, ready_at)
				VALUES (?, ?, ?, ?, 'record', ?, false, ?, ?, 1000, ?, ?)""", id, "call-" + id.substring(4),
				project.getAccountId(), project.getId(), format, status, sizeBytes, Timestamp.from(createdAt),
				"READY".equals(status) ? Timestamp.from(Instant.now()) : null);
		if ("READY".equals(status)) {
			try {
				Path file = this.files.file(project.getAccountId(), id, format);
				Files.createDirectories(file.getParent());
				Files.writeString(file, content(id));
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return id;
	}

	private static String content(String id) {
		return "audio of " + id;
	}

	private static String callOf(String id) {
		return "call-" + id.substring(4);
	}

	private Path file(String id) {
		return this.files.file(this.jdbc.queryForObject("SELECT account_id FROM recording WHERE id = ?", String.class, id),
				id, this.jdbc.queryForObject("SELECT format FROM recording WHERE id = ?", String.class, id));
	}

	private String status(String id) {
		return this.jdbc.queryForObject("SELECT status FROM recording WHERE id = ?", String.class, id);
	}

	private Response download(String path, String token) {
		return exchange(HttpMethod.GET, path, token, null, MediaType.ALL);
	}

	private static List<Object> ids(Response response) {
		assertThat(response.status()).as(response::toString).isEqualTo(200);
		return response.data().stream().map((recording) -> recording.get("recordingId")).toList();
	}

}
