package asia.oncaller.load;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * One run of Debian's {@code sipp} as the carrier, on 127.0.0.1 only, bounded in calls
 * ({@code -m}), in concurrency ({@code -l}) and in time ({@code -timeout}, and a kill after it),
 * and what it wrote: the last line of its {@code -trace_stat} CSV (totals) and every setup time
 * of its {@code -trace_rtt} CSV (INVITE sent to 200 OK received, the scenario's {@code rtd}).
 *
 * @param exitCode SIPp's: 0 when every call succeeded
 * @param totals the final statistics, column name to value
 * @param setupTimes INVITE-to-200 times
 * @param answeredPerSecond 200 OKs per second from the first to the last, by SIPp's clock
 * @param unavailable INVITEs answered 503 (the server past its capacity), from SIPp's
 * {@code -trace_err} log of unexpected messages
 */
record SippRun(int exitCode, Map<String, String> totals, LatencyStats setupTimes, double answeredPerSecond,
		long unavailable) {

	/** Where SIPp sends its calls and what they dial. */
	record Target(int serverPort, int localPort, String number, String caller) {
	}

	/** How many calls, how fast and for how long. */
	record Load(int calls, double rate, int limit, int holdMillis, Duration timeout) {
	}

	static SippRun run(Path scenario, Path directory, Target target, Load load) throws Exception {
		Files.createDirectories(directory);
		try (Stream<Path> old = Files.list(directory)) {
			for (Path file : (Iterable<Path>) old::iterator) {
				Files.delete(file);
			}
		}
		List<String> command = List.of("sipp", "127.0.0.1:" + target.serverPort(), "-sf",
				scenario.toAbsolutePath().toString(), "-i", "127.0.0.1", "-p", Integer.toString(target.localPort()),
				"-s", target.number(), "-set", "caller", target.caller(), "-set", "hold_ms",
				Integer.toString(load.holdMillis()), "-r", Double.toString(load.rate()), "-rp", "1000", "-m",
				Integer.toString(load.calls()), "-l", Integer.toString(load.limit()), "-timeout",
				load.timeout().toSeconds() + "s", "-timeout_error", "-trace_stat", "-stf", "stat.csv", "-fd", "1",
				"-trace_rtt", "-rtt_freq", "1", "-trace_err", "-nostdin");
		Process sipp = new ProcessBuilder(command).directory(directory.toFile())
			.redirectErrorStream(true)
			.redirectOutput(directory.resolve("screen.log").toFile())
			.start();
		if (!sipp.waitFor(load.timeout().toSeconds() + 10, TimeUnit.SECONDS)) {
			sipp.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
			throw new IllegalStateException("SIPp outlived its -timeout; see " + directory);
		}
		Map<String, String> totals = lastLine(directory.resolve("stat.csv"));
		LatencyStats setup = new LatencyStats();
		double rate = setupTimes(directory, setup);
		return new SippRun(sipp.exitValue(), totals, setup, rate, count(directory, "_errors.log", "SIP/2.0 503 "));
	}

	long total(String column) {
		return Long.parseLong(this.totals.getOrDefault(column, "0").trim());
	}

	/** Every nonzero total whose column starts with the prefix, e.g. the kinds of failure. */
	Map<String, String> nonzero(String prefix) {
		Map<String, String> found = new LinkedHashMap<>();
		this.totals.forEach((column, value) -> {
			if (column.startsWith(prefix) && column.endsWith("(C)") && !value.trim().equals("0")) {
				found.put(column, value.trim());
			}
		});
		return found;
	}

	private static Map<String, String> lastLine(Path csv) throws IOException {
		if (!Files.exists(csv)) {
			throw new IllegalStateException("SIPp wrote no statistics: see " + csv.resolveSibling("screen.log"));
		}
		List<String> lines = Files.readAllLines(csv, StandardCharsets.ISO_8859_1);
		String[] names = lines.get(0).split(";");
		String[] values = lines.get(lines.size() - 1).split(";");
		Map<String, String> totals = new LinkedHashMap<>();
		for (int i = 0; i < Math.min(names.length, values.length); i++) {
			totals.put(names[i], values[i]);
		}
		return totals;
	}

	/** How many lines of the directory's files named {@code *<suffix>} contain {@code text}. */
	private static long count(Path directory, String suffix, String text) throws IOException {
		long found = 0;
		for (Path file : files(directory, suffix)) {
			try (Stream<String> lines = Files.lines(file, StandardCharsets.ISO_8859_1)) {
				found += lines.filter((line) -> line.contains(text)).count();
			}
		}
		return found;
	}

	private static List<Path> files(Path directory, String suffix) throws IOException {
		List<Path> files = new ArrayList<>();
		try (Stream<Path> listing = Files.list(directory)) {
			listing.filter((file) -> file.getFileName().toString().endsWith(suffix)).forEach(files::add);
		}
		return files;
	}

	/** Reads {@code <scenario>_<pid>_rtt.csv} (lines {@code date_ms;response_time_ms;rtd_no}). */
	private static double setupTimes(Path directory, LatencyStats setup) throws IOException {
		List<Path> files = files(directory, "_rtt.csv");
		double first = Double.NaN;
		double last = Double.NaN;
		for (Path file : files) {
			for (String line : Files.readAllLines(file, StandardCharsets.ISO_8859_1)) {
				String[] fields = line.split(";");
				if (fields.length < 2 || !Character.isDigit(line.charAt(0))) {
					continue;
				}
				double at = Double.parseDouble(fields[0]);
				first = Double.isNaN(first) ? at : Math.min(first, at);
				last = Double.isNaN(last) ? at : Math.max(last, at);
				setup.add((long) (Double.parseDouble(fields[1]) * 1_000_000));
			}
		}
		return (setup.count() > 1) ? (setup.count() - 1) / ((last - first) / 1000.0) : Double.NaN;
	}

}
