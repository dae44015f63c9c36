package org.failback.batch.application.jobs;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/** The step ids of a job XML in META-INF/batch-jobs, read once per job. */
final class JobXml {

    private static final String JSL = "https://jakarta.ee/xml/ns/jakartaee";
    private static final Map<String, List<String>> STEPS = new ConcurrentHashMap<>();

    private JobXml() {}

    static List<String> steps(String jobName) {
        return STEPS.computeIfAbsent(jobName, JobXml::read);
    }

    private static List<String> read(String jobName) {
        String resource = "META-INF/batch-jobs/" + jobName + ".xml";
        try (InputStream xml = JobXml.class.getClassLoader().getResourceAsStream(resource)) {
            if (xml == null) {
                throw new IllegalStateException("no job XML " + resource);
            }
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            NodeList steps = factory.newDocumentBuilder().parse(xml).getElementsByTagNameNS(JSL, "step");
            List<String> ids = new ArrayList<>(steps.getLength());
            for (int i = 0; i < steps.getLength(); i++) {
                ids.add(((Element) steps.item(i)).getAttribute("id"));
            }
            return List.copyOf(ids);
        } catch (IOException | ParserConfigurationException | SAXException e) {
            throw new IllegalStateException("cannot read " + resource + ": " + e.getMessage(), e);
        }
    }
}
