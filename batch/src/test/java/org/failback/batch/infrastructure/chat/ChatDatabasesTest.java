package org.failback.batch.infrastructure.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The chat data path on real H2 files: both databases hold every answered message, also after kill -9. */
class ChatDatabasesTest {

    @TempDir
    Path root;

    static ChatDatabases open(Path root) {
        return new ChatDatabases(db -> ChatPostingProcess.connect(root, db));
    }

    @Test
    void anAnsweredPostIsInMgcAndInMgccompWithTheSameIdInOrder() throws Exception {
        ChatDatabases chat = open(root);
        chat.createRoom("r");
        long first = chat.post("r", "sip:a@example.com", "one");
        long second = chat.post("r", "sip:a@example.com", "two");
        assertTrue(second > first);
        assertEquals(List.of("one", "two"), texts(chat.messages("r", 0, 10, false)));
        assertEquals(List.of("one", "two"), texts(chat.messages("r", 0, 10, true)));
        assertEquals(List.of("two"), texts(chat.messages("r", first, 10, false)), "paged by id");
        assertEquals(List.of("one"), texts(chat.messages("r", 0, 1, true)));
    }

    @Test
    void aPostCutOffBeforeMgccompIsInvisibleUntilCompletedAndCompletingTwiceChangesNothing() throws Exception {
        ChatDatabases chat = open(root);
        chat.createRoom("r");
        chat.post("r", "sip:a@example.com", "done");
        try (Connection mgc = ChatPostingProcess.connect(root, "mgc");
                PreparedStatement insert = mgc.prepareStatement("INSERT INTO chat_message (room, sender, text,"
                        + " posted_at, compliance_done) VALUES ('r', 'sip:a@example.com', 'cut off', ?, FALSE)")) {
            insert.setTimestamp(1, Timestamp.from(Instant.now()));
            insert.executeUpdate();
        }
        assertEquals(List.of("done"), texts(chat.messages("r", 0, 10, false)), "readers see only what both hold");
        assertEquals(1, chat.completePending());
        assertEquals(0, chat.completePending());
        assertEquals(List.of("done", "cut off"), texts(chat.messages("r", 0, 10, false)));
        assertEquals(List.of("done", "cut off"), texts(chat.messages("r", 0, 10, true)));
    }

    @Test
    void newIdsStartAboveEveryIdMgccompHoldsAfterARestoreLostTheNewestMgcRows() throws Exception {
        ChatDatabases chat = open(root);
        chat.createRoom("r");
        chat.post("r", "sip:a@example.com", "one");
        long lost = chat.post("r", "sip:a@example.com", "lost from mgc");
        try (Connection mgc = ChatPostingProcess.connect(root, "mgc");
                Statement st = mgc.createStatement()) {
            st.execute("DELETE FROM chat_message WHERE id = " + lost);
            st.execute("ALTER TABLE chat_message ALTER COLUMN id RESTART WITH " + lost);
        }
        assertEquals(lost + 1, chat.alignIdentity());
        assertTrue(chat.post("r", "sip:a@example.com", "new") > lost);
        assertEquals(List.of("one", "lost from mgc", "new"), texts(chat.messages("r", 0, 10, true)));
    }

    /** kill -9 of a JVM while it posts: every id it printed (answered) is in both databases afterwards. */
    @Test
    void everyMessageAnsweredBeforeKill9IsInBothDatabasesAfterRestart() throws Exception {
        ProcessBuilder builder = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        ChatPostingProcess.class.getName(),
                        root.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        Process process = builder.start();
        List<Long> answered = new ArrayList<>();
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while (answered.size() < 300 && (line = out.readLine()) != null) {
                answered.add(Long.parseLong(line.strip()));
            }
            process.destroyForcibly(); // SIGKILL: no shutdown hook, no H2 close
            assertTrue(process.waitFor(30, TimeUnit.SECONDS));
        }
        assertEquals(300, answered.size());
        assertTrue(Files.exists(root.resolve("mgc")));
        ChatDatabases chat = open(root);
        chat.completePending();
        List<Long> inMgc = ids(chat.messages("room", 0, 100_000, false));
        List<Long> inComp = ids(chat.messages("room", 0, 100_000, true));
        assertTrue(inMgc.containsAll(answered), "mgc lost an answered message");
        assertTrue(inComp.containsAll(answered), "mgccomp lost an answered message");
        assertEquals(inMgc, inComp, "after completion both hold the same messages");
        System.out.println("kill -9 after " + answered.size() + " answered posts: mgc holds " + inMgc.size()
                + ", mgccomp " + inComp.size() + " (the difference beyond the answered ones was in flight)");
    }

    private static List<String> texts(List<ChatDatabases.Message> messages) {
        return messages.stream().map(ChatDatabases.Message::text).toList();
    }

    private static List<Long> ids(List<ChatDatabases.Message> messages) {
        return messages.stream().map(ChatDatabases.Message::id).toList();
    }
}
