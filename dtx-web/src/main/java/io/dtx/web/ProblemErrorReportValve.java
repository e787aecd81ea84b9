package io.dtx.web;

import java.io.IOException;
import java.io.Writer;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.http.HttpStatus;

/**
 * Some requests never reach Spring: Tomcat itself refuses a URL with {@code %00} or an encoded
 * {@code /}, and answers with its HTML error page. This valve makes those answers RFC 9457
 * problems too, so a client sees one error format whatever refused it, and no server details.
 * Installed as the host's error report valve by each service's web configuration.
 */
public final class ProblemErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        // As the parent: nothing for non-errors, nothing if a body was written, report only once.
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        HttpStatus known = HttpStatus.resolve(status);
        String title = known != null ? known.getReasonPhrase() : "Error";
        try {
            response.setContentType("application/problem+json");
            response.setCharacterEncoding("UTF-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(ProblemBody.json(
                        status,
                        title,
                        "The request was refused before it reached the application.",
                        request.getDecodedRequestURI() == null ? "" : request.getRequestURI()));
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the client is gone or the response is unusable; nothing more can be said to it
        }
    }
}
