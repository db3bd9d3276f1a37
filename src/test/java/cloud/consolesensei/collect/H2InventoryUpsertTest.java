package cloud.consolesensei.collect;

/** {@link InventoryUpsertSuite} on the embedded H2, in memory. */
class H2InventoryUpsertTest extends InventoryUpsertSuite {

    @Override
    String url() {
        return "jdbc:h2:mem:inventory-upsert-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1";
    }

    @Override
    String user() {
        return "sa";
    }

    @Override
    String vendor() {
        return "h2";
    }
}
