package asia.oncaller.billing.web;

import java.math.BigDecimal;
import java.time.Instant;

import asia.oncaller.api.Values;
import asia.oncaller.billing.Rate;
import asia.oncaller.billing.RatedCallType;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** What {@code /v1/rates} reads and answers. Money is a decimal (number or string in, string out). */
final class RateBodies {

	private RateBodies() {
	}

	/** A new rate; one per call type and prefix. Its currency is the account's. */
	record Create(@Schema(example = "EXTERNAL") @NotNull RatedCallType callType,
			@Schema(description = "Destination digits the rate applies to; empty matches all",
					example = "44") @NotNull @Pattern(regexp = "[0-9]{0,16}",
							message = "must be 0 to 16 digits") String prefix,
			@Schema(example = "0.012") @NotNull @DecimalMin("0") @Digits(integer = 13,
					fraction = 6) BigDecimal pricePerMinute,
			@Schema(example = "60") @NotNull @Min(1) @Max(3600) Integer billingIncrementSeconds,
			@Schema(example = "0") @DecimalMin("0") @Digits(integer = 13, fraction = 6) BigDecimal connectionFee) {
	}

	/** A new price for a rate; its type and prefix stay. */
	record Update(@NotNull @DecimalMin("0") @Digits(integer = 13, fraction = 6) BigDecimal pricePerMinute,
			@NotNull @Min(1) @Max(3600) Integer billingIncrementSeconds,
			@DecimalMin("0") @Digits(integer = 13, fraction = 6) BigDecimal connectionFee) {
	}

	record View(String id, RatedCallType callType, String prefix, String pricePerMinute, int billingIncrementSeconds,
			String connectionFee, String currency, Instant createdAt) {

		static View of(Rate rate) {
			return new View(rate.getId(), rate.getCallType(), rate.getPrefix(), Values.money(rate.getPricePerMinute()),
					rate.getBillingIncrementSeconds(), Values.money(rate.getConnectionFee()), rate.getCurrency(),
					Values.time(rate.getCreatedAt()));
		}

	}

	static BigDecimal orZero(BigDecimal value) {
		return (value != null) ? value : BigDecimal.ZERO;
	}

}
