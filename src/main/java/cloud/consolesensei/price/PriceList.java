package cloud.consolesensei.price;

import cloud.consolesensei.aws.AwsErrorClassifier;
import cloud.consolesensei.aws.ErrorClass;
import cloud.consolesensei.collect.ReadContext;
import cloud.consolesensei.coverage.CoverageGap;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.pricing.model.GetProductsRequest;
import software.amazon.awssdk.services.pricing.model.GetProductsResponse;

/**
 * EC2 on-demand prices from the AWS Price List Query API (GetProducts, service code AmazonEC2,
 * IAM pricing:GetProducts), asked with the credentials of the account whose instance needs the
 * price, and kept in a {@link PriceStore} per (region, instance type, operating system, tenancy,
 * as-of month) shared by every account: a key is asked at most once a month (twice only when two
 * processes race). Every page of the answer is read, and the price chosen by
 * {@link PriceListProducts#choose}.
 * <p>
 * A refused lookup (access denied) is an informational coverage gap (service {@code pricing}, region
 * {@code global}, info true) for that account, which is not asked again in the run; any other
 * failure, or an answer that cannot be read, is an ordinary gap. Either way the price is unknown,
 * with the reason, and nothing is stored. The demo estate's prices are kept in memory only, never
 * beside real ones. Thread-safe.
 */
public final class PriceList {

    private static final Logger log = LoggerFactory.getLogger(PriceList.class);

    private final PriceStore store;
    /** Demo prices never mix with real ones in the database. */
    private final PriceStore demoStore = PriceStore.inMemory();
    private final PriceListUsage usage;
    private final Map<PriceKey, OnDemandPrice> memo = new ConcurrentHashMap<>();
    private final Map<PriceKey, Object> locks = new ConcurrentHashMap<>();
    private final Set<String> refused = ConcurrentHashMap.newKeySet();

    public PriceList(PriceStore store, PriceListUsage usage) {
        this.store = store;
        this.usage = usage;
    }

    /** The on-demand hourly price of {@code key}, or why it is unknown; never throws for an AWS failure. */
    public OnDemandPrice hourly(ReadContext ctx, PriceKey key) {
        String runId = ctx.options().runId();
        Optional<OnDemandPrice> known = stored(ctx, key);
        if (known.isPresent()) {
            usage.cached(runId);
            return known.get();
        }
        String who = runId + '|' + ctx.account().id();
        if (refused.contains(who)) return refusedPrice();
        synchronized (locks.computeIfAbsent(key, k -> new Object())) {
            known = stored(ctx, key);
            if (known.isPresent()) {
                usage.cached(runId);
                return known.get();
            }
            if (refused.contains(who)) return refusedPrice();
            List<String> entries = new ArrayList<>();
            GetProductsRequest req = GetProductsRequest.builder().serviceCode(PriceListProducts.SERVICE_CODE)
                    .formatVersion("aws_v1").filters(PriceListProducts.filters(key)).maxResults(100).build();
            try {
                for (GetProductsResponse page : ctx.clients().pricing(ctx.account()).getProductsPaginator(req)) {
                    usage.call(runId);
                    entries.addAll(page.priceList());
                }
            } catch (RuntimeException e) {
                ErrorClass cls = AwsErrorClassifier.classify(e, false);
                boolean denied = cls == ErrorClass.ACCESS_DENIED;
                if (denied) refused.add(who);
                gap(ctx, cls, key + ": " + AwsErrorClassifier.message(e), denied);
                return denied ? refusedPrice() : OnDemandPrice.unknown("the AWS Price List could not be read for " + key
                        + " (" + cls.label() + ", see coverage): monthly cost left empty");
            }
            OnDemandPrice price;
            try {
                price = PriceListProducts.choose(key, entries);
            } catch (PriceListProducts.UnreadableProduct e) {
                gap(ctx, ErrorClass.MALFORMED_RESPONSE, key + ": " + e.getMessage(), false);
                return OnDemandPrice.unknown("the AWS Price List answer for " + key + " could not be read ("
                        + e.getMessage() + "): monthly cost left empty");
            }
            if (ctx.clients().demo()) {
                demoStore.put(key, price);
            } else {
                store.put(key, price);
                memo.put(key, price);
            }
            return price;
        }
    }

    private Optional<OnDemandPrice> stored(ReadContext ctx, PriceKey key) {
        if (ctx.clients().demo()) return demoStore.find(key);
        OnDemandPrice p = memo.get(key);
        if (p != null) return Optional.of(p);
        Optional<OnDemandPrice> s = store.find(key);
        s.ifPresent(v -> memo.put(key, v));
        return s;
    }

    private static OnDemandPrice refusedPrice() {
        return OnDemandPrice.unknown("the AWS Price List refused this account (pricing:GetProducts; see coverage):"
                + " monthly cost left empty");
    }

    private static void gap(ReadContext ctx, ErrorClass cls, String message, boolean info) {
        log.warn("coverage gap: account={} region=global pricing:GetProducts {} - {}", ctx.account().id(), cls.label(),
                message);
        ctx.gaps().record(new CoverageGap(ctx.account().id(), "global", "pricing", "GetProducts", cls, message, info));
    }
}
