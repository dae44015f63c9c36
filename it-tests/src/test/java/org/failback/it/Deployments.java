package org.failback.it;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * What the tests deploy: the real EAR the build produced, never a cut-down archive, plus the test library
 * (org.failback.testhooks: fault injection, benchmark baselines) in its web module. The product EAR itself holds
 * none of it.
 */
public final class Deployments {

    private static final String WEB_MODULE = "web.war";

    private Deployments() {}

    public static EnterpriseArchive testEar() {
        EnterpriseArchive product = ShrinkWrap.createFromZipFile(EnterpriseArchive.class, built("ear.file"));
        WebArchive web = ShrinkWrap.create(WebArchive.class, WEB_MODULE)
                .merge(product.getAsType(WebArchive.class, WEB_MODULE))
                .addAsLibrary(ShrinkWrap.createFromZipFile(JavaArchive.class, built("test.hooks.file")));
        product.delete(WEB_MODULE);
        return product.addAsModule(web);
    }

    private static File built(String property) {
        String path = System.getProperty(property);
        File file = new File(path == null ? "." : path);
        if (!file.isFile()) {
            throw new IllegalStateException(
                    property + " " + file.getAbsolutePath() + " not built: run the build from the top level");
        }
        return file;
    }
}
