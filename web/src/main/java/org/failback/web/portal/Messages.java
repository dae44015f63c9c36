package org.failback.web.portal;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;

/** Faces messages shown by the pages' growl. */
final class Messages {

    private Messages() {}

    static void info(String summary) {
        add(FacesMessage.SEVERITY_INFO, summary);
    }

    static void error(String summary) {
        add(FacesMessage.SEVERITY_ERROR, summary);
    }

    /** An operator's action: its outcome as an info message, or "{@code what} refused: reason" when it is refused. */
    static void attempt(String what, Attempt action) {
        try {
            info(action.run());
        } catch (RuntimeException e) {
            error(what + " refused: " + e.getMessage());
        }
    }

    /** Does the action and says what was done. */
    @FunctionalInterface
    interface Attempt {
        String run();
    }

    private static void add(FacesMessage.Severity severity, String summary) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(severity, summary, null));
    }
}
