package asia.oncaller.api;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;

/**
 * Tomcat's error report for requests it refuses before Spring sees them (a backslash in the
 * query, a header over the size limit, a malformed request line): an RFC 9457 problem as every
 * other error of the API, instead of Tomcat's HTML page that names the server and its version.
 * Errors that Spring answered already have a body and pass through untouched. Public because
 * Tomcat's host creates it by class name.
 */
public class TomcatProblemValve extends ErrorReportValve {

	@Override
	protected void report(Request request, Response response, Throwable throwable) {
		int status = response.getStatus();
		if (status < 400 || response.getContentWritten() > 0) {
			return;
		}
		AtomicBoolean ioAllowed = new AtomicBoolean(true);
		response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
		if (!ioAllowed.get() || !response.setErrorReported()) {
			return;
		}
		ProblemType type = ProblemType.forStatus(status);
		try {
			response.setContentType("application/problem+json");
			response.setCharacterEncoding(StandardCharsets.UTF_8.name());
			Writer out = response.getReporter();
			if (out != null) {
				// Fixed text only: nothing of the refused request is echoed back.
				out.write("{\"type\":\"" + type.uri() + "\",\"title\":\"" + type.title() + "\",\"status\":" + status
						+ ",\"detail\":\"The server refused the request before reading it\",\"code\":\"" + type.code()
						+ "\"}");
				response.finishResponse();
			}
		}
		catch (IOException | IllegalStateException ex) {
			// The client is gone or the response was taken over; there is nobody left to tell.
		}
	}

}
