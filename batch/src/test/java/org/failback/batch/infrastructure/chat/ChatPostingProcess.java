package org.failback.batch.infrastructure.chat;

import java.nio.file.Path;
import java.sql.DriverManager;
import org.failback.batch.infrastructure.dbadmin.H2DatabaseAdministration;
import org.failback.domain.dbadmin.DatabaseName;

/**
 * A separate JVM that posts messages as the server does and prints each id once {@link ChatDatabases#post} returned
 * (the moment the API answers 201), until it is killed.
 */
public final class ChatPostingProcess {

    private ChatPostingProcess() {}

    public static void main(String[] args) throws Exception {
        ChatDatabases chat = ChatDatabasesTest.open(Path.of(args[0]));
        chat.createRoom("room");
        for (int i = 0; ; i++) {
            long id = chat.post("room", "sip:alice@example.com", "message " + i);
            System.out.println(id);
            System.out.flush();
        }
    }

    static String url(Path root, String db) {
        return new H2DatabaseAdministration(root, null, null).url(DatabaseName.of(db), false) + ";WRITE_DELAY=0";
    }

    static java.sql.Connection connect(Path root, String db) throws java.sql.SQLException {
        return DriverManager.getConnection(url(root, db), "sa", "");
    }
}
