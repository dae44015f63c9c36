package org.failback.web.portal;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;

/** Faces messages shown by the pages' growl. */
final class Messages {

    private Messages() {
    }

    static void info(String summary) {
        add(FacesMessage.SEVERITY_INFO, summary);
    }

    static void error(String summary) {
        add(FacesMessage.SEVERITY_ERROR, summary);
    }

    private static void add(FacesMessage.Severity severity, String summary) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(severity, summary, null));
    }
}
