package org.failback.domain.chat;

/** The text of a chat message: 1-4000 characters, no control characters but line breaks and tabs. */
public final class ChatText {

    public static final int MAX = 4000;

    private ChatText() {}

    public static String check(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("text must not be empty");
        }
        if (text.length() > MAX) {
            throw new IllegalArgumentException("text takes at most " + MAX + " characters, not " + text.length());
        }
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (Character.isISOControl(ch) && ch != '\n' && ch != '\r' && ch != '\t') {
                throw new IllegalArgumentException("text must not hold control characters (found U+"
                        + String.format("%04X", (int) ch) + " at " + i + ")");
            }
        }
        return text;
    }
}
