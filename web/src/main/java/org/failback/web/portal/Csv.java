package org.failback.web.portal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Writer;
import org.failback.web.api.Roles;

/** RFC 4180 lines; a cell that a spreadsheet would run as a formula is prefixed with a quote (CSV injection). */
final class Csv {

    private Csv() {}

    /** Exports are read-only views: any portal role may have them; anything else is refused before any work. */
    static boolean allowed(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (request.isUserInRole(Roles.OPERATOR) || request.isUserInRole(Roles.VIEWER)) {
            return true;
        }
        response.sendError(HttpServletResponse.SC_FORBIDDEN);
        return false;
    }

    /** Starts a CSV download named {@code fileName} and answers the writer of its body. */
    static Writer attachment(HttpServletResponse response, String fileName) throws IOException {
        response.setContentType("text/csv; charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"" + fileName + "\"");
        return response.getWriter();
    }

    static void line(Writer out, Object... cells) throws IOException {
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(cell(cells[i]));
        }
        out.write("\r\n");
    }

    static String cell(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        if (text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
            text = '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }
}
