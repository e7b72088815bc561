package asia.oncaller.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;

/**
 * Call records as CSV (RFC 4180): a header row of the JSON field names, then one row per record
 * with the same values as the JSON listing (times ISO-8601 UTC, money as decimal text, empty for
 * null). Fields holding a comma, a quote or a line break are quoted, quotes doubled.
 */
final class CallRecordCsv {

	private CallRecordCsv() {
	}

	static void header(Writer out) {
		row(out, List.copyOf(CallRecord.FIELDS));
	}

	static void record(Writer out, CallRecord record) {
		row(out, record.values());
	}

	private static void row(Writer out, List<?> values) {
		try {
			for (int i = 0; i < values.size(); i++) {
				if (i > 0) {
					out.write(',');
				}
				Object value = values.get(i);
				if (value != null) {
					out.write(escape(value.toString()));
				}
			}
			out.write("\r\n");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static String escape(String value) {
		if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
			return value;
		}
		return '"' + value.replace("\"", "\"\"") + '"';
	}

}
