package org.failback.web.portal;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.spi.JsonProvider;
import java.io.Serializable;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.failback.batch.application.dbadmin.SqlAdministration;
import org.failback.batch.application.jobs.ExecutionNotFoundException;
import org.failback.batch.application.jobs.JobView;
import org.failback.batch.application.jobs.JobViews;
import org.failback.batch.application.pool.PoolJobService;
import org.failback.batch.infrastructure.dbadmin.JdbcCommandLog;
import org.failback.batch.infrastructure.jobs.JobLog;
import org.failback.batch.infrastructure.jobs.JobRuns;
import org.failback.domain.pool.PoolName;
import org.failback.domain.pool.PoolNotFoundException;
import org.failback.domain.pool.PoolService;
import org.primefaces.PrimeFaces;

/**
 * A job execution, live: polled every second while it runs (progress, steps, throughput chart, log tail, and the
 * state of its pool), with stop, restart and abandon for operators.
 */
@Named
@ViewScoped
public class JobPage implements Serializable {

    /** Looked up once: each {@code Json} factory call looks the provider up through the service loader. */
    private static final JsonProvider JSON = JsonProvider.provider();

    private static final long serialVersionUID = 1L;
    private static final Set<String> RUNNING = Set.of("STARTING", "STARTED", "STOPPING");
    static final int LOG_TAIL = 50;
    static final int COMMANDS = 500;

    @Inject
    JobViews views;

    @Inject
    JobLog log;

    @Inject
    JobRuns runs;

    @Inject
    PoolJobService jobs;

    @Inject
    PoolService pools;

    @Inject
    PortalUser user;

    @Inject
    SqlAdministration sql;

    private Long id;
    private boolean found;
    private boolean ended;
    private transient JobView job;
    private transient List<JobLog.Line> logTail;
    private transient List<JdbcCommandLog.Entry> commands;
    private String poolState;
    private String chart;

    static boolean running(JobView job) {
        return RUNNING.contains(job.status());
    }

    public void open() {
        refresh();
    }

    public void refresh() {
        if (id == null) {
            found = false;
            return;
        }
        try {
            job = views.view(id);
            found = true;
        } catch (ExecutionNotFoundException e) {
            found = false;
            return;
        }
        logTail = log.tail(runs.chain(id), LOG_TAIL);
        commands = commandsOf(runs.chain(id));
        poolState = poolState(job.pool());
        chart = chartJson(views.throughput(job), job);
        ended = !running(job);
    }

    private String poolState(String pool) {
        if (pool == null) {
            return null;
        }
        try {
            return pools.pool(PoolName.of(pool)).getState().name();
        } catch (PoolNotFoundException | IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * Chart.js line chart of items per second between consecutive samples, over seconds since the first one (the job's
     * start). A job too short for two samples is drawn at its average rate from start to end.
     */
    static String chartJson(List<long[]> samples, JobView job) {
        JsonArrayBuilder labels = JSON.createArrayBuilder();
        JsonArrayBuilder rates = JSON.createArrayBuilder();
        labels.add("0 s");
        if (samples.size() < 2 && job.startTime() != null && job.endTime() != null) {
            double seconds = Math.max(
                    0.001,
                    java.time.Duration.between(job.startTime(), job.endTime()).toMillis() / 1000.0);
            long average = Math.round(job.itemsDone() / seconds);
            rates.add(average);
            labels.add(String.format(Locale.ROOT, "%.1f s", seconds));
            rates.add(average);
        } else {
            rates.add(0);
        }
        for (int i = 1; i < samples.size(); i++) {
            long[] previous = samples.get(i - 1);
            long[] sample = samples.get(i);
            double seconds = Math.max(0.001, (sample[0] - previous[0]) / 1000.0);
            labels.add(String.format(Locale.ROOT, "%.1f s", (sample[0] - samples.get(0)[0]) / 1000.0));
            rates.add(Math.round((sample[1] - previous[1]) / seconds));
        }
        return JSON.createObjectBuilder()
                .add("type", "line")
                .add(
                        "data",
                        JSON.createObjectBuilder()
                                .add("labels", labels)
                                .add(
                                        "datasets",
                                        JSON.createArrayBuilder()
                                                .add(JSON.createObjectBuilder()
                                                        .add("label", "items/s")
                                                        .add("data", rates)
                                                        .add("borderColor", "#2563eb")
                                                        .add("backgroundColor", "rgba(37,99,235,0.12)")
                                                        .add("fill", true)
                                                        .add("pointRadius", 0)
                                                        .add("tension", 0.25))))
                .add(
                        "options",
                        JSON.createObjectBuilder()
                                .add("animation", false)
                                .add("maintainAspectRatio", false)
                                .add(
                                        "plugins",
                                        JSON.createObjectBuilder()
                                                .add(
                                                        "legend",
                                                        JSON.createObjectBuilder()
                                                                .add("display", false)))
                                .add(
                                        "scales",
                                        JSON.createObjectBuilder()
                                                .add(
                                                        "y",
                                                        JSON.createObjectBuilder()
                                                                .add("beginAtZero", true)
                                                                .add(
                                                                        "title",
                                                                        JSON.createObjectBuilder()
                                                                                .add("display", true)
                                                                                .add("text", "items/s")))
                                                .add(
                                                        "x",
                                                        JSON.createObjectBuilder()
                                                                .add(
                                                                        "title",
                                                                        JSON.createObjectBuilder()
                                                                                .add("display", true)
                                                                                .add("text", "time since start")))))
                .build()
                .toString();
    }

    public String stop() {
        user.requireOperator();
        Messages.attempt("Stop", () -> {
            jobs.stop(id);
            return "Stop requested for execution " + id;
        });
        refresh();
        return null;
    }

    public String restart() {
        user.requireOperator();
        try {
            long restarted = jobs.restart(id, user.getName());
            return "job?faces-redirect=true&id=" + restarted;
        } catch (RuntimeException e) {
            Messages.error("Restart refused: " + e.getMessage());
            refresh();
            return null;
        }
    }

    public String abandon() {
        user.requireOperator();
        Messages.attempt("Abandon", () -> {
            jobs.abandon(id);
            return "Execution " + id + " abandoned";
        });
        refresh();
        return null;
    }

    public boolean isRunning() {
        return getJob() != null && running(getJob());
    }

    /** Restart continues a stopped, failed or crashed execution; a completed or abandoned one cannot. */
    public boolean isRestartable() {
        return getJob() != null && Set.of("STOPPED", "FAILED").contains(getJob().status());
    }

    public boolean isAbandonable() {
        return getJob() != null && Set.of("STOPPED", "FAILED").contains(getJob().status());
    }

    public JobView getJob() {
        if (job == null && found) {
            refresh();
        }
        return job;
    }

    /** The SQL commands of the execution and of those it restarted, newest first. */
    private List<JdbcCommandLog.Entry> commandsOf(List<Long> chain) {
        List<JdbcCommandLog.Entry> all = new java.util.ArrayList<>();
        for (int i = chain.size() - 1; i >= 0; i--) {
            all.addAll(sql.commands(new JdbcCommandLog.Filter(chain.get(i), null, null, COMMANDS)));
        }
        return all;
    }

    public List<JdbcCommandLog.Entry> getCommands() {
        return commands;
    }

    public List<JobLog.Line> getLogTail() {
        if (logTail == null && found) {
            refresh();
        }
        return logTail;
    }

    /** The poll listener: after the refresh that saw the job end, the poll stops (that refresh showed the final state). */
    public void poll() {
        refresh();
        if (ended) {
            PrimeFaces.current().executeScript("PF('jobPoll').stop()");
        }
    }

    /** A page opened on an ended job does not poll at all. */
    public boolean isPolling() {
        return found && !ended;
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public boolean isFound() {
        return found;
    }

    public String getPoolState() {
        return poolState;
    }

    public String getChart() {
        return chart;
    }
}
