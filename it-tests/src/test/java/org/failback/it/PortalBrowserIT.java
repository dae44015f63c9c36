package org.failback.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.support.ui.Select;

/**
 * The portal in a real headless Chromium against the deployed EAR: an operator fails a pool back from its page after
 * reading the dry-run plan and follows the job live; a viewer sees the same pages without any action. Each page is
 * saved as a screenshot under target/screenshots, and the browser console must stay free of errors.
 */
class PortalBrowserIT extends ProductIT {

    private static final Duration JOB_TIMEOUT = Duration.ofMinutes(2);
    private static final int USERS = 500;

    private final List<LogEntry> consoleErrors = new ArrayList<>();
    private Browser browser;

    @BeforeEach
    void chromium() {
        assumeTrue(
                Browser.available(),
                "Chromium and chromedriver are not installed (apt-get install chromium chromium-driver)");
        browser = Browser.open(SERVER);
    }

    @AfterEach
    void close() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void operatorFailsBackFromThePoolPageAfterReadingThePlanAndFollowsTheJobToNormal() {
        String pool = unique("web");
        Pools.createPair(operator(), pool, USERS);
        Pools.failOver(operator(), pool);
        operator().post("pools/" + pool + "/repair").expect(200);

        browser.go("/");
        browser.await(d -> d.findElements(By.id("j_username")).isEmpty() ? null : Boolean.TRUE);
        browser.screenshot("01-login");
        browser.signIn("operator");
        assertEquals("operator", browser.text(By.id("current-role")).toLowerCase(java.util.Locale.ROOT));
        browser.await(d -> d.findElement(By.id("pools")).getText().contains(pool) ? Boolean.TRUE : null);
        assertTrue(
                browser.text(By.id("lis-backups")).contains(pool),
                "the dashboard shows the pool's last LIS backup: " + browser.text(By.id("lis-backups")));
        browser.screenshot("02-dashboard");
        collectConsole();

        browser.go("/pool.xhtml?name=" + pool);
        assertEquals("FAILED_OVER", browser.text(By.id("pool-state")));
        assertEquals("500", browser.text(By.id("count-on-backup")));
        browser.screenshot("03-pool-failed-over");

        browser.driver().findElement(By.cssSelector("button.action-failback")).click();
        WebElement plan = browser.await(d -> visible(d.findElements(By.id("plan-steps"))));
        assertTrue(plan.getText().contains("move-users-home: " + USERS + " users moved home"), plan.getText());
        assertTrue(plan.getText().contains("complete-failback: pool → NORMAL"), plan.getText());
        assertEquals(Integer.toString(USERS), browser.text(By.id("plan-users")));
        browser.screenshot("04-failback-plan");
        collectConsole();

        browser.driver().findElement(By.id("confirm-form:confirm-action")).click();
        browser.await(d -> d.getCurrentUrl().contains("job.xhtml?id=") ? Boolean.TRUE : null);
        browser.await(
                JOB_TIMEOUT,
                d -> "100.0 %".equals(d.findElement(By.id("percent")).getText()) ? Boolean.TRUE : null);
        browser.await(d -> "NORMAL".equals(d.findElement(By.id("pool-state")).getText()) ? Boolean.TRUE : null);
        assertEquals("COMPLETED", browser.text(By.id("job-status")));
        assertTrue(browser.text(By.id("steps")).contains("move-users-home"), browser.text(By.id("steps")));
        assertTrue(
                browser.text(By.id("steps")).contains(USERS + " / " + USERS),
                "each user step shows its writes against its total: " + browser.text(By.id("steps")));
        assertTrue(
                browser.text(By.id("log")).contains("started pool-failback of pool " + pool),
                browser.text(By.id("log")));
        assertTrue(
                browser.driver()
                                .findElements(By.cssSelector("[id='live:throughput'] canvas"))
                                .size()
                        == 1,
                "throughput chart drawn");
        browser.screenshot("05-job-completed");
        collectConsole();

        browser.go("/pool.xhtml?name=" + pool);
        assertEquals("NORMAL", browser.text(By.id("pool-state")));
        // Counts shared while the job moved the users (MovingPoolCounts) are never shown once the pool's state changed.
        assertEquals(Integer.toString(USERS), browser.text(By.id("count-done")));
        assertEquals("0", browser.text(By.id("count-moved")));
        new Select(browser.driver().findElement(By.cssSelector("select.status-filter"))).selectByValue("DONE");
        // The table is replaced by the filter request: wait until every row shown is DONE, then read them at once.
        List<String> rows = browser.await(d -> {
            List<String> texts = d.findElements(By.cssSelector("[id='users:table_data'] > tr")).stream()
                    .map(WebElement::getText)
                    .toList();
            return texts.size() == 25 && texts.stream().allMatch(t -> t.contains("DONE")) ? texts : null;
        });
        assertTrue(rows.get(0).startsWith(Pools.sip(pool, 1)), rows.get(0));
        assertTrue(
                browser.text(By.cssSelector(".ui-paginator-current")).endsWith("of " + USERS),
                browser.text(By.cssSelector(".ui-paginator-current")));
        assertTrue(browser.await(d -> d.findElement(By.id("users:export")).getAttribute("href"))
                .contains("status=DONE"));
        browser.screenshot("06-users-done");

        browser.driver()
                .findElement(By.cssSelector("[id='users:table'] .ui-paginator-next"))
                .click();
        browser.await(d -> d.findElements(By.cssSelector("[id='users:table_data'] > tr"))
                        .get(0)
                        .getText()
                        .startsWith(Pools.sip(pool, 26))
                ? Boolean.TRUE
                : null);
        assertTrue(
                browser.text(By.cssSelector(".ui-paginator-current")).startsWith("26"),
                browser.text(By.cssSelector(".ui-paginator-current")));
        collectConsole();

        String usersCsv = download("/export/users?pool=" + pool + "&status=DONE");
        assertEquals(USERS + 1, usersCsv.lines().count(), "header and one line per DONE user");
        assertTrue(
                usersCsv.startsWith("sip,client_version,signed_in,serving_pool,mode,failback_status,updated_at,error"),
                usersCsv.lines().findFirst().orElse(""));

        // A site recovery plan is one run in the history, with a row per pool of its site.
        String sitePool = unique("wsite");
        Pools.createPair(operator(), sitePool, 10);
        operator().post("sites/" + sitePool + "-s1/outage").expect(202);
        browser.go("/jobs.xhtml");
        assertTrue(browser.text(By.id("history:runs")).contains(pool));
        String plans = browser.text(By.id("history:site-plans"));
        assertTrue(plans.contains("OUTAGE of site " + sitePool + "-s1"), plans);
        assertEquals(
                sitePool + " COMPLETED",
                browser.driver()
                        .findElement(By.cssSelector(".site-plan .site-plan-pool"))
                        .getText()
                        .strip(),
                "the newest plan first, its one pool's row");
        browser.screenshot("07-run-history");
        String runsCsv = download("/export/runs?pool=" + pool);
        assertTrue(
                runsCsv.lines()
                        .anyMatch(l -> l.contains(",pool-failback," + pool + ",operator,")
                                && l.contains("COMPLETED")
                                && l.contains("move-users-home")),
                runsCsv);
        collectConsole();

        browser.driver().findElement(By.id("logout-form:logout")).click();
        browser.await(d -> d.findElements(By.id("j_username")).isEmpty() ? null : Boolean.TRUE);
        browser.go("/index.xhtml");
        assertTrue(
                browser.driver().findElements(By.id("j_username")).size() == 1,
                "signed out: the dashboard asks for a login again");
        collectConsole();
        assertEquals(List.of(), consoleErrors, "browser console errors");
    }

    /**
     * Issue 19: while a job moves a pool's users, the pool page answers with counts shared by every page and has them
     * recounted in the background once they are a poll interval old (MovingPoolCounts). The page must still follow
     * the job: the failback is held twice, at chunks the test knows committed, and each time the polled page comes to
     * show what the API counts.
     */
    @Test
    void thePoolPageOfAPoolBeingFailedBackFollowsTheUsersMovedAsTheJobCommitsThem() {
        String pool = unique("moving");
        Pools.createFailedOverAndRepaired(operator(), pool, 100);
        java.util.Map<String, Object> holdAtSecondChunk =
                java.util.Map.of("pool", pool, "step", "move-users-home", "chunk", 2);
        operator().post("test-hooks/crash-points", holdAtSecondChunk).expect(204);
        try {
            long job = Pools.startFailback(operator(), pool, java.util.Map.of("itemCount", 10, "partitions", 1));
            Jobs.awaitParked(operator(), "the failback", 1, JOB_TIMEOUT);
            browser.signIn("viewer");
            browser.go("/pool.xhtml?name=" + pool);
            assertEquals("FAILING_BACK", browser.text(By.id("pool-state")));
            assertEquals("10", browser.text(By.id("count-moved")), "the first chunk committed, the second is held");

            // Re-armed, the held chunk commits and the job is held again two chunks later: 30 users moved.
            operator().post("test-hooks/crash-points", holdAtSecondChunk).expect(204);
            Jobs.awaitParked(operator(), "the failback", 1, JOB_TIMEOUT);
            String moved = Long.toString(
                    Pools.pool(operator(), pool).path("counts").path("moved").asLong());
            assertEquals("30", moved);
            browser.await(
                    Duration.ofSeconds(20),
                    d -> moved.equals(d.findElement(By.id("count-moved")).getText()) ? Boolean.TRUE : null);
            assertEquals("FAILING_BACK", browser.text(By.id("pool-state")));

            operator().delete("test-hooks/crash-points").expect(204);
            Jobs.awaitEnd(operator(), job, JOB_TIMEOUT);
            browser.await(
                    JOB_TIMEOUT,
                    d -> "NORMAL".equals(d.findElement(By.id("pool-state")).getText()) ? Boolean.TRUE : null);
            assertEquals("100", browser.text(By.id("count-done")));
        } finally {
            operator().delete("test-hooks/crash-points");
        }
    }

    /**
     * Issue 17: every page works under the Content-Security-Policy (scripts only from the portal or with the page's
     * nonce, no eval): an operator opens each page and uses a poll and a dialog without one console violation.
     */
    @Test
    void everyPageRunsUnderTheContentSecurityPolicyWithoutAConsoleViolation() {
        String pool = unique("csp");
        Pools.createPair(operator(), pool, 20);
        long failover = Pools.failOver(operator(), pool).path("id").asLong();

        browser.signIn("operator");
        for (String page : List.of(
                "/index.xhtml",
                "/pool.xhtml?name=" + pool,
                "/jobs.xhtml",
                "/job.xhtml?id=" + failover,
                "/lis.xhtml?pool=" + pool)) {
            browser.go(page);
            browser.await(d -> d.findElements(By.id("current-user")).isEmpty() ? null : Boolean.TRUE);
            Object primeFaces = ((org.openqa.selenium.JavascriptExecutor) browser.driver())
                    .executeScript("return typeof PrimeFaces !== 'undefined' && PrimeFaces.csp !== undefined;");
            assertEquals(Boolean.TRUE, primeFaces, page + ": PrimeFaces loaded with its CSP support");
            collectConsole();
        }
        browser.go("/pool.xhtml?name=" + pool);
        browser.driver().findElement(By.id("timer-form:save-timer")).click();
        browser.await(d -> d.findElements(By.cssSelector(".ui-growl-message, .ui-messages"))
                        .isEmpty()
                ? null
                : true);
        collectConsole();
        List<LogEntry> violations = consoleErrors.stream()
                .filter(e -> e.getMessage().contains("Content Security Policy"))
                .toList();
        assertEquals(List.of(), violations, "CSP violations");
        assertEquals(List.of(), consoleErrors, "browser console errors");
    }

    @Test
    void viewerSeesEveryPageWithoutAnyActionButton() {
        String pool = unique("view");
        Pools.createPair(operator(), pool, 50);
        Pools.failOver(operator(), pool);
        long failover = Pools.pool(operator(), pool).path("lastJob").path("id").asLong();

        browser.signIn("viewer");
        assertEquals("viewer", browser.text(By.id("current-role")).toLowerCase(java.util.Locale.ROOT));
        browser.go("/pool.xhtml?name=" + pool);
        assertEquals("FAILED_OVER", browser.text(By.id("pool-state")));
        assertEquals(
                0,
                browser.driver()
                        .findElements(By.cssSelector(
                                "[id^='action-buttons'], button[class*='action-'], [id='timer-form:save-timer']"))
                        .size());
        assertTrue(browser.driver()
                        .findElements(By.cssSelector("[id='users:table_data'] > tr"))
                        .size()
                > 0);
        browser.screenshot("08-viewer-pool");

        browser.go("/job.xhtml?id=" + failover);
        assertEquals("COMPLETED", browser.text(By.id("job-status")));
        assertEquals(
                0,
                browser.driver()
                        .findElements(By.cssSelector("[id='live:stop'], [id='live:restart'], [id='live:abandon']"))
                        .size());
        browser.screenshot("09-viewer-job");
        collectConsole();
        assertEquals(List.of(), consoleErrors, "browser console errors");
    }

    @Test
    void failoverPlanOfAPoolWithoutLisBackupWarnsThatTheLisRestoreWouldBeLeftPending() {
        String pool = unique("nolisweb");
        Pools.createPair(operator(), pool, 20, false);
        operator().post("pools/" + pool + "/outage").expect(200);

        browser.signIn("operator");
        browser.go("/pool.xhtml?name=" + pool);
        browser.driver().findElement(By.cssSelector("button.action-failover")).click();
        WebElement warning = browser.await(d -> visible(d.findElements(By.id("plan-no-lis-backup"))));
        assertTrue(warning.getText().contains(pool + " has no usable LIS backup"), warning.getText());
        assertTrue(
                browser.text(By.id("plan-steps")).contains("restore-lis-backup: LEFT PENDING"),
                browser.text(By.id("plan-steps")));
        browser.screenshot("06-failover-plan-without-lis-backup");
        assertEquals("DOWN", Pools.pool(operator(), pool).path("state").asText(), "reading the plan changes nothing");
        collectConsole();
        assertEquals(List.of(), consoleErrors, "browser console errors");
    }

    @Test
    void lisPageShowsVerifiedBackupsWithTheirChecksumAndTakesOneNow() {
        String pool = unique("lisweb");
        Pools.createPair(operator(), pool, 20);
        String checksum = operator()
                .get("lis/" + pool + "/backups")
                .expect(200)
                .json()
                .get(0)
                .path("checksum")
                .asText();

        browser.signIn("operator");
        browser.go("/pool.xhtml?name=" + pool);
        browser.driver().findElement(By.id("head:lis-link")).click();
        browser.await(d -> d.findElements(By.cssSelector("#lis-backup-table tr.lis-backup"))
                        .isEmpty()
                ? null
                : Boolean.TRUE);
        String table = browser.text(By.id("lis-backup-table"));
        assertTrue(table.contains(checksum) && table.contains("VERIFIED"), table);
        // Seed 000 "regularly back up the LIS database": a new pool starts with the standard schedule.
        assertTrue(
                browser.text(By.id("lis-schedule")).startsWith("Every 60 min, keeping the newest 24"),
                browser.text(By.id("lis-schedule")));
        // The form shows the schedule in force: replace its values.
        browser.driver()
                .findElement(By.id("lis-form:every_input"))
                .sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE, "30");
        browser.driver()
                .findElement(By.id("lis-form:keep_input"))
                .sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE, "5");
        browser.driver().findElement(By.id("lis-form:save-schedule")).click();
        browser.await(
                d -> d.findElement(By.id("lis-schedule")).getText().startsWith("Every 30 min, keeping the newest 5")
                        ? Boolean.TRUE
                        : null);
        assertEquals(
                30,
                operator()
                        .get("lis/" + pool + "/backup-schedule")
                        .expect(200)
                        .json()
                        .path("everyMinutes")
                        .asInt());

        browser.driver().findElement(By.id("lis-form:backup-now")).click();
        browser.await(
                Duration.ofMinutes(2),
                d -> d.findElements(By.cssSelector("#lis-backup-table tr.lis-backup"))
                                                .size()
                                        >= 2
                                && !d.findElement(By.id("lis-backup-table"))
                                        .getText()
                                        .contains("UNVERIFIED")
                        ? Boolean.TRUE
                        : null);
        browser.screenshot("10-lis");
        assertTrue(
                operator().get("lis/" + pool + "/backups").expect(200).json().size() >= 2,
                "the backup taken from the page is listed");
        collectConsole();

        browser.close();
        browser = Browser.open(SERVER);
        browser.signIn("viewer");
        browser.go("/lis.xhtml?pool=" + pool);
        assertTrue(browser.text(By.id("lis-backup-table")).contains(checksum));
        assertEquals(
                0, browser.driver().findElements(By.id("lis-form:backup-now")).size(), "a viewer cannot take backups");
        collectConsole();
        assertEquals(List.of(), consoleErrors, "browser console errors");
    }

    @Test
    void sitePageShowsTheSitesFailoverAsOneRunWithOneProgressBarAndARowPerPool() {
        String site = unique("site");
        String backupSite = site + "-dr";
        List<String> pools = List.of(site + "-p1", site + "-p2");
        for (String pool : pools) {
            Pools.createPair(operator(), site, backupSite, pool, pool + "-b", 30, 120, true);
        }
        operator().post("sites/" + site + "/outage").expect(202);

        browser.signIn("operator");
        browser.go("/site.xhtml?name=" + site);
        assertEquals("OUTAGE", browser.text(By.id("plan-kind")));
        browser.driver().findElement(By.id("site-form:site-failover")).click();
        browser.await(d -> visible(d.findElements(By.cssSelector(".ui-confirmdialog-yes"))))
                .click();
        browser.await(
                Duration.ofMinutes(2),
                d -> "FAILOVER".equals(d.findElement(By.id("plan-kind")).getText())
                                && "COMPLETED"
                                        .equals(d.findElement(By.id("plan-status"))
                                                .getText())
                        ? Boolean.TRUE
                        : null);
        String rows = browser.text(By.id("plan-pools"));
        for (String pool : pools) {
            assertTrue(rows.contains(pool), rows);
            assertEquals("FAILED_OVER", Pools.pool(viewer(), pool).path("state").asText());
        }
        assertTrue(browser.text(By.id("site-form:plan-progress")).contains("100"), "one progress bar for the plan");
        browser.screenshot("12-site");
        collectConsole();

        browser.close();
        browser = Browser.open(SERVER);
        browser.signIn("viewer");
        browser.go("/site.xhtml?name=" + site);
        assertEquals(
                0,
                browser.driver().findElements(By.id("site-form:site-failover")).size(),
                "a viewer cannot act");
        collectConsole();
        assertEquals(List.of(), consoleErrors, "browser console errors");
    }

    @Test
    void aPageWhoseSessionEndedShowsTheLoginFormAtItsNextPollAndReturnsAfterSigningIn() {
        String pool = unique("expire");
        Pools.createPair(operator(), pool, 20);
        browser.signIn("viewer");
        browser.go("/pool.xhtml?name=" + pool);
        assertEquals("NORMAL", browser.text(By.id("pool-state")));

        // What a session timeout (or a server restart) leaves behind: the page's polls carry a session the server no
        // longer knows.
        browser.driver().manage().deleteCookieNamed("JSESSIONID");
        browser.await(
                Duration.ofSeconds(20), d -> d.findElements(By.id("j_username")).isEmpty() ? null : Boolean.TRUE);
        browser.screenshot("11-session-ended");
        assertTrue(
                browser.driver().getCurrentUrl().contains("/pool.xhtml?name=" + pool),
                browser.driver().getCurrentUrl());

        browser.driver()
                .findElement(By.id("j_username"))
                .sendKeys(SERVER.credentials().getProperty("viewer.username"));
        browser.driver()
                .findElement(By.id("j_password"))
                .sendKeys(SERVER.credentials().getProperty("viewer.password"));
        browser.driver().findElement(By.id("sign-in")).click();
        assertEquals("NORMAL", browser.text(By.id("pool-state")), "signing in again returns to the pool page");
        assertTrue(
                browser.driver().getCurrentUrl().contains("/pool.xhtml?name=" + pool),
                browser.driver().getCurrentUrl());
    }

    /** A CSV export fetched with the browser's session, as the export link would. */
    private String download(String path) {
        String session = browser.driver().manage().getCookieNamed("JSESSIONID").getValue();
        try {
            HttpResponse<String> response = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(SERVER.baseUrl() + path))
                                    .header("Cookie", "JSESSIONID=" + session)
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertEquals(200, response.statusCode(), path + ": " + response.body());
            assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void collectConsole() {
        consoleErrors.addAll(browser.severeConsoleEntries());
    }

    private static WebElement visible(List<WebElement> elements) {
        return elements.stream().filter(WebElement::isDisplayed).findFirst().orElse(null);
    }
}
