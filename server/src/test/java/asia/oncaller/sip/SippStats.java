package asia.oncaller.sip;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Reads SIPp's {@code -trace_stat} CSV: a header row of counter names, then one row per
 * {@code -fd} period and a last one written as SIPp exits, with ';' between fields.
 */
final class SippStats {

	private SippStats() {
	}

	/** The value of {@code counter} (e.g. {@code SuccessfulCall(C)}) in the last row. */
	static long read(Path csv, String counter) {
		List<String> rows;
		try {
			rows = Files.readAllLines(csv, StandardCharsets.ISO_8859_1);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("No sipp statistics at " + csv, ex);
		}
		if (rows.size() < 2) {
			throw new IllegalStateException("sipp wrote no statistics row to " + csv);
		}
		List<String> names = Arrays.asList(rows.get(0).split(";"));
		int column = names.indexOf(counter);
		if (column < 0) {
			throw new IllegalArgumentException("No counter " + counter + " in " + csv);
		}
		return Long.parseLong(rows.get(rows.size() - 1).split(";")[column].trim());
	}

}
