package org.failback.it;

import java.nio.file.Path;
import java.util.Properties;

/** One WildFly the tests talk to: its HTTP base URL and its data directory (where credentials.properties is). */
public record Server(String baseUrl, Path dataDir) {

    /** The server Arquillian starts for the whole suite. */
    public static Server suite() {
        return of("suite");
    }

    /** The server that restart and crash tests start, stop and kill. */
    public static Server restartable() {
        return of("restart");
    }

    /** The second node of the two-node tests: its own WildFly on the restartable server's data directory. */
    public static Server nodeB() {
        return of("nodeb");
    }

    private static Server of(String name) {
        int offset = Integer.getInteger(name + ".port.offset", 0);
        String data = System.getProperty(name + ".data");
        if (data == null) {
            throw new IllegalStateException("system property " + name + ".data is not set: run through Maven failsafe");
        }
        return new Server("http://localhost:" + (8080 + offset), Path.of(data));
    }

    public Properties credentials() {
        return Api.load(dataDir.resolve("credentials.properties"));
    }
}
