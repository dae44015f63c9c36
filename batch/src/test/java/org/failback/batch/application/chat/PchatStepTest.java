package org.failback.batch.application.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The job XML reads as the runbook: its step ids are the list the dry-run plan and the batchlet read, in order. */
class PchatStepTest {

    @Test
    void failbackJobStepsAreSeed003sSevenStepsInOrder() throws Exception {
        assertEquals(
                List.of(
                        "clear-active-servers",
                        "remove-mirroring",
                        "backup-mgc-to-share",
                        "restore-primary",
                        "configure-log-shipping",
                        "set-active-servers",
                        "set-pool-state-normal"),
                ids(PchatStep.of(PchatStep.Job.FAILBACK)));
        assertEquals(ids(PchatStep.of(PchatStep.Job.FAILBACK)), stepsOf("pchat-failback"));
    }

    @Test
    void failoverJobStepsAreTheListThePlanShows() throws Exception {
        assertEquals(ids(PchatStep.of(PchatStep.Job.FAILOVER)), stepsOf("pchat-failover"));
    }

    private static List<String> ids(List<PchatStep> steps) {
        return steps.stream().map(PchatStep::id).toList();
    }

    private static List<String> stepsOf(String job) throws Exception {
        try (InputStream xml = PchatStepTest.class.getResourceAsStream("/META-INF/batch-jobs/" + job + ".xml")) {
            NodeList steps = DocumentBuilderFactory.newInstance()
                    .newDocumentBuilder()
                    .parse(xml)
                    .getElementsByTagName("step");
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < steps.getLength(); i++) {
                ids.add(((Element) steps.item(i)).getAttribute("id"));
            }
            return ids;
        }
    }
}
