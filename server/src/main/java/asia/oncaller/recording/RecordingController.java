package asia.oncaller.recording;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import asia.oncaller.api.ApiException;
import asia.oncaller.api.Cursors;
import asia.oncaller.api.Keyset;
import asia.oncaller.api.Page;
import asia.oncaller.auth.RestIdentity;
import asia.oncaller.auth.RestTokenKind;
import asia.oncaller.auth.RestTokens;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Recordings over REST (docs/recordings.md): the listing, newest first, and the audio of one
 * recording by its id or by its call's. A project token sees its project's, an account token its
 * account's; anything else, a malformed id included, is a 404 like a missing one.
 */
@RestController
@RestTokens({ RestTokenKind.PROJECT, RestTokenKind.ACCOUNT })
@Tag(name = "Recordings", description = "Project or account REST token")
class RecordingController {

	private static final MediaType WAV = MediaType.parseMediaType("audio/wav");

	private static final MediaType MP3 = MediaType.parseMediaType("audio/mpeg");

	private final RecordingQuery query;

	private final RecordingFiles files;

	private final Cursors cursors;

	RecordingController(RecordingQuery query, RecordingFiles files, Cursors cursors) {
		this.query = query;
		this.files = files;
		this.cursors = cursors;
	}

	@GetMapping(path = "/v1/recordings", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "List recordings, newest first, a page at a time")
	Page<Recording> list(RestIdentity tenant, @RequestParam(required = false) String callId,
			@RequestParam(required = false) String cursor, @RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit) {
		String scope = "recordings\u0001" + tenant.accountId() + "\u0001" + tenant.projectId() + "\u0001" + callId;
		Keyset after = (cursor != null) ? Keyset.fromParts(this.cursors.decode(scope, cursor, 2)) : null;
		List<Recording> rows = this.query.page(tenant, callId, after, limit + 1);
		if (rows.size() <= limit) {
			return new Page<>(rows, null);
		}
		Recording last = rows.get(limit - 1);
		return new Page<>(rows.subList(0, limit),
				this.cursors.encode(scope, new Keyset(last.createdAt(), last.recordingId()).toParts()));
	}

	@GetMapping("/v1/recordings/{recordingId}")
	@Operation(summary = "Download a recording's audio (audio/wav or audio/mpeg)")
	ResponseEntity<Resource> audio(RestIdentity tenant, @PathVariable String recordingId) {
		if (!RecordingFiles.isRecordingId(recordingId)) {
			throw ApiException.notFound("recording");
		}
		return download(this.query.byId(tenant, recordingId).orElse(null));
	}

	@GetMapping("/v1/calls/{callId}/recording")
	@Operation(summary = "Download the audio of a call's recording")
	ResponseEntity<Resource> audioOfCall(RestIdentity tenant, @PathVariable String callId) {
		return download(this.query.byCall(tenant, callId).orElse(null));
	}

	private ResponseEntity<Resource> download(Recording recording) {
		if (recording == null || !"READY".equals(recording.status())) {
			throw ApiException.notFound("recording");
		}
		Path file = this.files.file(recording.accountId(), recording.recordingId(), recording.format());
		if (!Files.isRegularFile(file)) {
			throw ApiException.notFound("recording");
		}
		String name = recording.recordingId() + "." + recording.format();
		return ResponseEntity.ok()
			.contentType("mp3".equals(recording.format()) ? MP3 : WAV)
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
			.body(new FileSystemResource(file));
	}

}
