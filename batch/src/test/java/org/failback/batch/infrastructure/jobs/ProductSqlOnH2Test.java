package org.failback.batch.infrastructure.jobs;

import java.nio.file.Path;
import javax.sql.DataSource;
import org.failback.batch.infrastructure.engine.MigratedProductDatabase;
import org.junit.jupiter.api.io.TempDir;

/** The product's runtime SQL on the embedded engine. */
class ProductSqlOnH2Test extends ProductSqlContract {

    @TempDir
    Path dir;

    private DataSource product;

    @Override
    DataSource migrated() {
        if (product == null) {
            product = MigratedProductDatabase.at(dir.resolve("product"));
        }
        return product;
    }
}
