package org.failback.domain.dbadmin;

/** Error messages quote at most a short, printable prefix of hostile input. */
final class Names {

    private Names() {}

    static String abbreviate(String text) {
        String printable = text.replaceAll("\\p{Cntrl}", "?");
        return printable.length() > 40 ? printable.substring(0, 40) + "…" : printable;
    }
}
