package org.failback.web.portal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How the portal writes times, durations, rates and states, so every page shows them alike (times in UTC). */
@Named("fmt")
@ApplicationScoped
public class PortalFormat {

    static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT).withZone(ZoneOffset.UTC);

    public String time(Instant at) {
        return at == null ? "–" : TIME.format(at);
    }

    public String duration(Instant start, Instant end) {
        if (start == null) {
            return "–";
        }
        return seconds(
                Duration.between(start, end == null ? Instant.now() : end).toMillis() / 1000.0);
    }

    public String seconds(Number seconds) {
        if (seconds == null) {
            return "–";
        }
        double s = seconds.doubleValue();
        if (s > 0 && s < 1) {
            return String.format(Locale.ROOT, "%.0f ms", s * 1000);
        }
        if (s < 60) {
            return String.format(Locale.ROOT, s < 10 ? "%.1f s" : "%.0f s", s);
        }
        long whole = Math.round(s);
        return whole < 3600
                ? String.format(Locale.ROOT, "%d min %02d s", whole / 60, whole % 60)
                : String.format(Locale.ROOT, "%d h %02d min", whole / 3600, whole % 3600 / 60);
    }

    public String count(Number value) {
        return value == null ? "–" : String.format(Locale.ROOT, "%,d", value.longValue());
    }

    public String rate(Number perSecond) {
        return perSecond == null ? "–" : String.format(Locale.ROOT, "%,.0f /s", perSecond.doubleValue());
    }

    /** CSS class of a pool state or batch status badge: green when healthy, amber while changing, red when broken. */
    public String badge(Object state) {
        if (state == null) {
            return "badge";
        }
        return switch (state.toString()) {
            case "NORMAL", "COMPLETED", "DONE", "NOT_AFFECTED" -> "badge badge-ok";
            case "DOWN", "FAILED", "ABANDONED" -> "badge badge-bad";
            case "FAILED_OVER", "STOPPED", "ON_BACKUP" -> "badge badge-warn";
            case "FAILING_OVER", "FAILING_BACK", "STARTING", "STARTED", "STOPPING", "MOVED" -> "badge badge-busy";
            default -> "badge";
        };
    }
}
