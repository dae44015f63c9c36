package org.failback.it.chat;

import static org.failback.it.chat.ChatPools.awaitCompleted;
import static org.failback.it.chat.ChatPools.primarySite;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import org.failback.it.Browser;
import org.failback.it.ProductIT;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** The Persistent Chat page in a real headless Chromium: an operator fails a chat pool back after reading the plan. */
class ChatPageBrowserIT extends ProductIT {

    private Browser browser;

    @BeforeEach
    void chromium() {
        assumeTrue(Browser.available(), "Chromium and chromedriver are not installed");
        browser = Browser.open(SERVER);
    }

    @AfterEach
    void close() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void afterAFailbackFromThePageTheChatPageShowsNormalTheActiveServersAndAMonitorWithoutAlert() {
        String pool = unique("pcweb");
        ChatPools.create(operator(), pool, false);
        ChatPools.room(client(), pool, pool + "-room");
        ChatPools.post(client(), pool + "-room", "hello");
        ChatPools.shipRound(operator(), pool);
        ChatPools.failOver(operator(), pool);
        operator().post("chat/pools/" + pool + "/rebuild-primary").expect(200);

        browser.go("/");
        browser.signIn("operator");
        browser.go("/chat.xhtml?pool=" + pool);
        assertEquals("FAILED_OVER", browser.text(By.id("chat-state")));
        assertTrue(browser.text(By.id("chat-form:chat-recovery-point")).contains("mgc-" + pool + "-sql1-"));
        browser.screenshot("chat-01-failed-over");

        browser.driver()
                .findElement(By.cssSelector("button.chat-action-failback"))
                .click();
        WebElement plan = browser.await(d -> d.findElements(By.id("chat-plan-steps")).stream()
                .filter(WebElement::isDisplayed)
                .findFirst()
                .orElse(null));
        for (String step :
                List.of("clear-active-servers", "backup-mgc-to-share", "restore-primary", "set-pool-state-normal")) {
            assertTrue(plan.getText().contains(step), plan.getText());
        }
        browser.screenshot("chat-02-failback-plan");
        browser.driver().findElement(By.cssSelector("[id$='confirm-action']")).click();

        browser.await(d -> "NORMAL".equals(d.findElement(By.id("chat-state")).getText()) ? Boolean.TRUE : null);
        String servers = browser.text(By.id("chat-server-table"));
        assertTrue(servers.contains("chat1." + primarySite(pool)) && servers.contains("ACTIVE"), servers);
        long execution =
                ChatPools.pool(viewer(), pool).path("runningJobExecutionId").asLong(0);
        assertEquals(0, execution, "the job ended");
        awaitCompleted(operator(), ChatPools.start(operator().post("chat/pools/" + pool + "/log-shipping/run")));
        browser.go("/chat.xhtml?pool=" + pool);
        assertTrue(
                browser.driver().findElements(By.cssSelector(".chat-alert")).isEmpty(),
                browser.text(By.id("chat-database-table")));
        assertTrue(
                !browser.driver().findElements(By.cssSelector(".chat-no-alert")).isEmpty());
        browser.screenshot("chat-03-normal");
    }
}
