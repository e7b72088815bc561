package asia.oncaller.greetings;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.regex.Pattern;

import asia.oncaller.api.ApiException;
import asia.oncaller.auth.RestIdentity;
import asia.oncaller.auth.RestTokenKind;
import asia.oncaller.auth.RestTokens;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The account's greeting files, which the SCCO's {@code play} action names: uploaded as the raw
 * body of a PUT (WAV or MP3, at most {@code oncaller.greetings.max-size}), listed, deleted. A
 * project token acts for its account, as it plays the account's files in its calls.
 */
@RestController
@RequestMapping(path = "/v1/greeting-files", produces = MediaType.APPLICATION_JSON_VALUE)
@RestTokens({ RestTokenKind.ACCOUNT, RestTokenKind.PROJECT })
@Tag(name = "Greeting files", description = "Account or project REST token")
class GreetingFileController {

	private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");

	private final GreetingFiles files;

	private final int maxSize;

	GreetingFileController(GreetingFiles files, GreetingProperties properties) {
		this.files = files;
		this.maxSize = Math.toIntExact(properties.maxSize().toBytes());
	}

	@GetMapping
	@Operation(summary = "List the account's greeting files by name")
	List<GreetingFiles.Info> list(RestIdentity identity) {
		return this.files.list(identity.accountId());
	}

	@PutMapping(path = "/{name}", consumes = { "audio/wav", "audio/x-wav", "audio/wave", "audio/mpeg" })
	@Operation(summary = "Upload a greeting file (WAV or MP3 as the raw body), replacing one of the same name")
	ResponseEntity<Void> upload(RestIdentity identity, @PathVariable String name,
			@RequestHeader(name = HttpHeaders.CONTENT_LENGTH, required = false) Long length, InputStream body)
			throws IOException {
		checkName(name);
		if (length != null && length > this.maxSize) {
			throw tooLarge();
		}
		// Read no further than one byte past the cap, whatever the declared length said.
		byte[] data = body.readNBytes(this.maxSize + 1);
		if (data.length > this.maxSize) {
			throw tooLarge();
		}
		AudioFormat format = AudioFormat.of(data)
			.orElseThrow(() -> ApiException.unsupportedMediaType("the body is neither a WAV nor an MP3 file"));
		return switch (this.files.store(identity.accountId(), name, format, data)) {
			case CREATED -> ResponseEntity.status(HttpStatus.CREATED).build();
			case REPLACED -> ResponseEntity.noContent().build();
			case TOO_MANY -> throw ApiException.conflict("the account keeps as many greeting files as it may");
		};
	}

	@DeleteMapping("/{name}")
	@Operation(summary = "Delete a greeting file")
	ResponseEntity<Void> delete(RestIdentity identity, @PathVariable String name) {
		checkName(name);
		if (!this.files.delete(identity.accountId(), name)) {
			throw ApiException.notFound("greeting file");
		}
		return ResponseEntity.noContent().build();
	}

	private ApiException tooLarge() {
		return ApiException.tooLarge("a greeting file may be at most " + this.maxSize + " bytes");
	}

	private static void checkName(String name) {
		if (!NAME.matcher(name).matches()) {
			throw ApiException.invalid("name", "must be 1 to 128 of A-Z a-z 0-9 . _ - and start with a letter or digit");
		}
	}

}
