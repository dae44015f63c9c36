package org.failback.web.portal;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Writer;
import org.failback.batch.application.jobs.JobView;

/** {@code /export/runs?pool=&status=}: the run history for audits, one line per run with per-step durations. */
@WebServlet("/export/runs")
public class RunHistoryCsvExport extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    RunHistory history;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!Csv.allowed(request, response)) {
            return;
        }
        Writer out = Csv.attachment(response, "run-history.csv");
        Csv.line(
                out,
                "execution",
                "job",
                "pool",
                "started_by",
                "restart_of",
                "start_time",
                "end_time",
                "duration_s",
                "status",
                "exit_status",
                "items_done",
                "items_total",
                "steps");
        for (JobView run :
                history.runs(request.getParameter("pool"), request.getParameter("status"), RunHistory.EXPORT_LIMIT)) {
            Csv.line(
                    out,
                    run.id(),
                    run.jobName(),
                    run.pool(),
                    run.startedBy(),
                    run.restartOf(),
                    run.startTime(),
                    run.endTime(),
                    RunHistory.seconds(run.startTime(), run.endTime()).replace(" s", ""),
                    run.status(),
                    run.exitStatus(),
                    run.itemsDone(),
                    run.itemsTotal(),
                    RunHistory.stepDurations(run));
        }
        out.flush();
    }
}
