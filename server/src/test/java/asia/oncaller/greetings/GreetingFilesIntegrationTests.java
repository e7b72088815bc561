package asia.oncaller.greetings;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import asia.oncaller.TestTenants;
import asia.oncaller.testsupport.GreetingUploads;
import asia.oncaller.testsupport.RestTestSupport;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Greeting files over the real REST API on real PostgreSQL: upload, list, replace, delete with an
 * account or a project token; and what nobody can do: read or delete another account's files,
 * act without a token, store more than the size or count limits or something that is not audio.
 */
class GreetingFilesIntegrationTests extends RestTestSupport {

	private static final byte[] TONE = GreetingUploads.toneWav(440, 200);

	@Test
	void anAccountUploadsListsReplacesAndDeletesItsFiles() {
		TestTenants.Tenant tenant = tenant();
		assertThat(upload(tenant.accountToken(), "welcome.wav", "audio/wav", TONE).statusCode()).isEqualTo(201);
		byte[] mp3 = mp3Frame();
		assertThat(upload(tenant.projectToken(), "hold.mp3", "audio/mpeg", mp3).statusCode()).isEqualTo(201);

		List<Map<String, Object>> listed = list(tenant.projectToken());
		assertThat(listed).extracting((file) -> file.get("name")).containsExactly("hold.mp3", "welcome.wav");
		assertThat(listed.get(1)).containsEntry("contentType", "audio/wav").containsEntry("size", TONE.length);

		byte[] longer = GreetingUploads.toneWav(440, 400);
		assertThat(upload(tenant.accountToken(), "welcome.wav", "audio/x-wav", longer).statusCode()).isEqualTo(204);
		assertThat(list(tenant.accountToken()).get(1)).containsEntry("size", longer.length);

		assertThat(deleteFile(tenant.accountToken(), "welcome.wav").statusCode()).isEqualTo(204);
		assertThat(deleteFile(tenant.accountToken(), "welcome.wav").statusCode()).isEqualTo(404);
		assertThat(list(tenant.accountToken())).extracting((file) -> file.get("name")).containsExactly("hold.mp3");
	}

	@Test
	void anotherAccountNeitherSeesNorDeletesTheFiles() {
		TestTenants.Tenant owner = tenant();
		TestTenants.Tenant other = tenant();
		assertThat(upload(owner.accountToken(), "private.wav", "audio/wav", TONE).statusCode()).isEqualTo(201);

		assertThat(list(other.accountToken())).isEmpty();
		assertThat(list(other.projectToken())).isEmpty();
		HttpResponse<String> refused = deleteFile(other.accountToken(), "private.wav");
		assertThat(refused.statusCode()).isEqualTo(404);
		assertThat(refused.body()).contains("\"code\":\"not-found\"");
		// The same name in the other account is a file of its own.
		assertThat(upload(other.accountToken(), "private.wav", "audio/wav", GreetingUploads.toneWav(880, 100))
			.statusCode()).isEqualTo(201);
		assertThat(list(owner.accountToken()).get(0)).containsEntry("size", TONE.length);
	}

	@Test
	void withoutAValidTokenNothingIsStoredOrShown() {
		TestTenants.Tenant tenant = tenant();
		assertThat(upload(null, "x.wav", "audio/wav", TONE).statusCode()).isEqualTo(401);
		assertThat(upload("not-a-token", "x.wav", "audio/wav", TONE).statusCode()).isEqualTo(401);
		assertThat(get("/v1/greeting-files", null).status()).isEqualTo(401);
		assertThat(list(tenant.accountToken())).isEmpty();
	}

	@Test
	void oversizeUploadsAreRefusedWithOrWithoutALengthAndStoreNothing() {
		TestTenants.Tenant tenant = tenant();
		byte[] big = Arrays.copyOf(TONE, 5 * 1024 * 1024 + 1);
		HttpResponse<String> declared = upload(tenant.accountToken(), "big.wav", "audio/wav", big);
		assertThat(declared.statusCode()).isEqualTo(413);
		assertThat(declared.body()).contains("\"code\":\"too-large\"");
		HttpResponse<String> chunked = GreetingUploads.send(request(tenant.accountToken(), "big.wav", "audio/wav")
			.PUT(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big))));
		assertThat(chunked.statusCode()).isEqualTo(413);
		assertThat(list(tenant.accountToken())).isEmpty();
	}

	@Test
	void whatIsNotWavOrMp3OrBadlyNamedIsRefused() {
		TestTenants.Tenant tenant = tenant();
		assertThat(upload(tenant.accountToken(), "fake.wav", "audio/wav", "#!/bin/sh\nrm -rf /\n".getBytes())
			.statusCode()).isEqualTo(415);
		assertThat(upload(tenant.accountToken(), "tone.txt", "text/plain", TONE).statusCode()).isEqualTo(415);
		assertThat(upload(tenant.accountToken(), "..", "audio/wav", TONE).statusCode()).isIn(400, 404);
		assertThat(upload(tenant.accountToken(), "-x.wav", "audio/wav", TONE).statusCode()).isEqualTo(400);
		assertThat(upload(tenant.accountToken(), "a".repeat(129), "audio/wav", TONE).statusCode()).isEqualTo(400);
		assertThat(list(tenant.accountToken())).isEmpty();
	}

	@Test
	void aFloodOfUploadsStopsAtTheAccountsFileLimit() {
		TestTenants.Tenant tenant = tenant();
		byte[] tiny = GreetingUploads.toneWav(440, 1);
		for (int i = 0; i < 100; i++) {
			assertThat(upload(tenant.accountToken(), "f" + i + ".wav", "audio/wav", tiny).statusCode()).isEqualTo(201);
		}
		HttpResponse<String> refused = upload(tenant.accountToken(), "one-more.wav", "audio/wav", tiny);
		assertThat(refused.statusCode()).isEqualTo(409);
		assertThat(list(tenant.accountToken())).hasSize(100);
		// Replacing one of them is no new file, so it still goes.
		assertThat(upload(tenant.accountToken(), "f0.wav", "audio/wav", TONE).statusCode()).isEqualTo(204);
	}

	private HttpResponse<String> upload(String token, String name, String contentType, byte[] body) {
		return GreetingUploads.send(request(token, name, contentType).PUT(HttpRequest.BodyPublishers.ofByteArray(body)));
	}

	private HttpRequest.Builder request(String token, String name, String contentType) {
		HttpRequest.Builder request = HttpRequest
			.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/v1/greeting-files/" + name))
			.header("Content-Type", contentType);
		return (token != null) ? request.header("Authorization", "Bearer " + token) : request;
	}

	private HttpResponse<String> deleteFile(String token, String name) {
		return GreetingUploads.send(request(token, name, "audio/wav").DELETE());
	}

	@SuppressWarnings("unchecked")
	private List<Map<String, Object>> list(String token) {
		Response response = get("/v1/greeting-files", token);
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return this.json.readValue(response.body(), List.class);
	}

	/** One MPEG-1 Layer III frame header and silence: what an MP3 file starts with. */
	private static byte[] mp3Frame() {
		byte[] frame = new byte[417];
		frame[0] = (byte) 0xff;
		frame[1] = (byte) 0xfb;
		frame[2] = (byte) 0x90;
		return frame;
	}

}
