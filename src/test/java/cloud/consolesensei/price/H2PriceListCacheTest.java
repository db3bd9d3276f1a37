package cloud.consolesensei.price;

/** {@link PriceListCacheSuite} on the embedded H2, in memory. */
class H2PriceListCacheTest extends PriceListCacheSuite {

    @Override
    String url() {
        return "jdbc:h2:mem:price-cache-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1";
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
