package org.failback.it;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;

/** The real EAR the build produced: tests deploy the product itself, never a cut-down archive. */
public final class Deployments {

    private Deployments() {}

    public static EnterpriseArchive productEar() {
        String path = System.getProperty("ear.file");
        File ear = new File(path == null ? "../ear/target/pool-failback.ear" : path);
        if (!ear.isFile()) {
            throw new IllegalStateException(
                    "EAR " + ear.getAbsolutePath() + " not built: run the build from the top level");
        }
        return ShrinkWrap.createFromZipFile(EnterpriseArchive.class, ear);
    }
}
