package cloud.consolesensei.price;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where Price List answers are kept between lookups: the database in the product
 * ({@link PriceListCache}), a map in tests that need no database.
 */
public interface PriceStore {

    /** The stored answer for {@code key}, if any. */
    Optional<OnDemandPrice> find(PriceKey key);

    /** Keeps {@code price} (found, or not found with its note) for {@code key}. */
    void put(PriceKey key, OnDemandPrice price);

    /** A store in memory, for one process. */
    static PriceStore inMemory() {
        Map<PriceKey, OnDemandPrice> m = new ConcurrentHashMap<>();
        return new PriceStore() {
            @Override
            public Optional<OnDemandPrice> find(PriceKey key) {
                return Optional.ofNullable(m.get(key));
            }

            @Override
            public void put(PriceKey key, OnDemandPrice price) {
                m.put(key, price);
            }
        };
    }
}
