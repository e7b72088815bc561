package asia.oncaller.api;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Money and times as PostgreSQL keeps them, so that the answer to a create shows what every
 * later read will: money with 6 decimals ({@code NUMERIC(19,6)}), times in microseconds (which
 * PostgreSQL rounds to, from the nanoseconds Java may have).
 */
public final class Values {

	private static final int MONEY_SCALE = 6;

	private Values() {
	}

	public static String money(BigDecimal amount) {
		return (amount != null) ? amount.setScale(MONEY_SCALE, RoundingMode.HALF_UP).toPlainString() : null;
	}

	public static Instant time(Instant instant) {
		return (instant != null) ? instant.plusNanos(500).truncatedTo(ChronoUnit.MICROS) : null;
	}

}
