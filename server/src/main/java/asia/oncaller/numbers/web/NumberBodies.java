package asia.oncaller.numbers.web;

import java.time.Instant;

import asia.oncaller.api.Values;
import asia.oncaller.numbers.PhoneNumber;
import asia.oncaller.outbound.HttpUrl;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** What {@code /v1/numbers} reads and answers. */
final class NumberBodies {

	/** E.164: a plus, a non-zero digit, at most 15 digits in all. */
	static final String E164 = "\\+[1-9][0-9]{1,14}";

	private NumberBodies() {
	}

	/** Adds a number; it must be unused across the whole system. */
	record Create(@Schema(example = "+442071234567") @NotNull @Pattern(regexp = E164,
			message = "must be an E.164 number: +, then 2 to 15 digits, the first not 0") String number,
			@Schema(description = "A project of the account that takes calls to it") String projectId,
			@Size(max = 2048) @HttpUrl String answerUrl,
			@Size(max = 2048) @HttpUrl String eventUrl,
			@Schema(description = "A SIP trunk of the account that carries its calls") String trunkId) {
	}

	/** Replaces what a number is connected to; the number itself never changes. */
	record Update(String projectId,
			@Size(max = 2048) @HttpUrl String answerUrl,
			@Size(max = 2048) @HttpUrl String eventUrl,
			String trunkId) {
	}

	record View(String id, String number, String projectId, String answerUrl, String eventUrl, String trunkId,
			Instant createdAt) {

		static View of(PhoneNumber number) {
			return new View(number.getId(), number.getNumber(), number.getProjectId(), number.getAnswerUrl(),
					number.getEventUrl(), number.getTrunkId(), Values.time(number.getCreatedAt()));
		}

	}

}
