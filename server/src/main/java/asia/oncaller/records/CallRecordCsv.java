package asia.oncaller.records;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Call records as CSV (RFC 4180): a header row of the JSON field names, then one row per record
 * with the same values as the JSON listing (times ISO-8601 UTC, money as decimal text, empty for
 * null). Fields holding a comma, a quote or a line break are quoted, quotes doubled.
 * <p>
 * App users and phone callers choose {@code fromNumber}, {@code toNumber} and {@code custom}, and
 * a spreadsheet runs a cell that starts with {@code =}, {@code +}, {@code -}, {@code @}, a tab or
 * a carriage return as a formula. Such a cell is written as OWASP's CSV injection guidance says:
 * a single quote in front, and the whole cell quoted. A plain number ({@code +441234},
 * {@code -1.5}) is left alone: a spreadsheet reads it as that number, not as a formula, and E.164
 * numbers stay usable.
 */
final class CallRecordCsv {

	private static final String FORMULA_STARTS = "=+-@\t\r";

	private static final Pattern PLAIN_NUMBER = Pattern.compile("[+-]?[0-9]+(\\.[0-9]+)?");

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
		boolean formula = isFormula(value);
		if (!formula && value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0
				&& value.indexOf('\r') < 0) {
			return value;
		}
		return '"' + (formula ? "'" : "") + value.replace("\"", "\"\"") + '"';
	}

	private static boolean isFormula(String value) {
		return !value.isEmpty() && FORMULA_STARTS.indexOf(value.charAt(0)) >= 0
				&& !PLAIN_NUMBER.matcher(value).matches();
	}

}
