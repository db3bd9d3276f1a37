package cloud.consolesensei.price;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import software.amazon.awssdk.services.pricing.model.Filter;
import software.amazon.awssdk.services.pricing.model.FilterType;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The EC2 on-demand price rule of docs/checks.md on AWS Price List products: the GetProducts filters
 * (service code AmazonEC2, exact TERM_MATCH on each attribute), and the choice among the products
 * an answer carries. Each {@code PriceList} entry is a JSON document (as a string) with
 * {@code product.attributes}, {@code product.sku} and {@code terms.OnDemand} / {@code terms.Reserved}
 * (AWS Price List Query API, "GetProducts").
 * <p>
 * A product counts only when its attributes equal the filters exactly (an answer may hold more than
 * asked for): {@code regionCode}, {@code instanceType}, {@code operatingSystem}, {@code tenancy},
 * {@code preInstalledSw} {@code NA} (no SQL Server or other pre-installed software),
 * {@code licenseModel} {@code No License required} (Windows with the license included, never BYOL),
 * {@code capacitystatus} {@code Used} (not the unused or allocated capacity-reservation rows), a
 * {@code productFamily} of Compute Instance (bare metal included), and a {@code marketoption}, where
 * present, of OnDemand. Its price is the {@code terms.OnDemand} price dimension in {@code Hrs} with a
 * USD price; Reserved terms are never read. When products that qualify disagree, those whose
 * {@code operation} is the operating system's own (RunInstances, RunInstances:0002 for Windows,
 * :0010 for RHEL, :000g for SUSE) decide; if they still disagree the price is unknown and says why.
 * Never the first product: order carries no meaning.
 */
public final class PriceListProducts {

    /** Service code of Amazon EC2 in the Price List. */
    public static final String SERVICE_CODE = "AmazonEC2";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Map<String, String> OPERATION = Map.of("Linux", "RunInstances", "Windows",
            "RunInstances:0002", "RHEL", "RunInstances:0010", "SUSE", "RunInstances:000g");

    private PriceListProducts() {
    }

    /** The attributes a product must have, in filter order. */
    static Map<String, String> wanted(PriceKey key) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("regionCode", key.region());
        m.put("instanceType", key.instanceType());
        m.put("operatingSystem", key.operatingSystem());
        m.put("tenancy", key.tenancy());
        m.put("preInstalledSw", "NA");
        m.put("licenseModel", "No License required");
        m.put("capacitystatus", "Used");
        return m;
    }

    /** GetProducts filters for {@code key}: one TERM_MATCH per attribute. */
    public static List<Filter> filters(PriceKey key) {
        return wanted(key).entrySet().stream().map(e -> Filter.builder().type(FilterType.TERM_MATCH)
                .field(e.getKey()).value(e.getValue()).build()).toList();
    }

    /** A PriceList entry that is not the JSON document the API documents. */
    public static final class UnreadableProduct extends RuntimeException {
        UnreadableProduct(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * The on-demand hourly price of {@code key} among {@code priceList} (every page's entries).
     *
     * @throws UnreadableProduct when an entry is not JSON or a qualifying product's OnDemand price is not a number
     */
    public static OnDemandPrice choose(PriceKey key, List<String> priceList) {
        Map<String, String> wanted = wanted(key);
        List<Candidate> found = new ArrayList<>();
        for (String entry : priceList) {
            JsonNode doc;
            try {
                doc = JSON.readTree(entry);
            } catch (JacksonException e) {
                throw new UnreadableProduct("a PriceList entry is not a JSON document: " + e.getOriginalMessage(), e);
            }
            JsonNode attrs = doc.path("product").path("attributes");
            if (!qualifies(doc, attrs, wanted)) continue;
            BigDecimal hourly = onDemandHourly(doc);
            if (hourly != null) {
                found.add(new Candidate(doc.path("product").path("sku").asString(""), hourly,
                        attrs.path("operation").asString("")));
            }
        }
        String what = "on-demand " + key + " (AWS Price List, " + key.month() + ")";
        if (found.isEmpty()) {
            return OnDemandPrice.unknown("no " + what + " product: price unknown, monthly cost left empty");
        }
        List<Candidate> chosen = found;
        if (distinctPrices(chosen).size() > 1) {
            String op = OPERATION.get(key.operatingSystem());
            List<Candidate> own = found.stream().filter(c -> c.operation().equals(op)).toList();
            if (!own.isEmpty()) chosen = own;
        }
        Map<BigDecimal, List<String>> prices = distinctPrices(chosen);
        if (prices.size() > 1) {
            return OnDemandPrice.unknown(chosen.size() + " " + what + " products disagree (" + prices.entrySet().stream()
                    .map(e -> e.getKey().toPlainString() + " USD/hour: " + String.join(", ", e.getValue()))
                    .reduce((a, b) -> a + "; " + b).orElse("") + "): price unknown, monthly cost left empty");
        }
        BigDecimal hourly = prices.keySet().iterator().next();
        if (hourly.signum() <= 0) {
            return OnDemandPrice.unknown("the " + what + " price is " + hourly.toPlainString()
                    + " USD/hour, which is not a price: monthly cost left empty");
        }
        return new OnDemandPrice(hourly, String.join(",", prices.get(hourly)), null);
    }

    private record Candidate(String sku, BigDecimal hourly, String operation) {
    }

    private static Map<BigDecimal, List<String>> distinctPrices(List<Candidate> cs) {
        Map<BigDecimal, List<String>> m = new TreeMap<>();
        for (Candidate c : cs) {
            m.computeIfAbsent(c.hourly().stripTrailingZeros(), k -> new ArrayList<>()).add(c.sku());
        }
        return m;
    }

    private static boolean qualifies(JsonNode doc, JsonNode attrs, Map<String, String> wanted) {
        for (Map.Entry<String, String> w : wanted.entrySet()) {
            if (!w.getValue().equals(attrs.path(w.getKey()).asString(null))) return false;
        }
        String family = doc.path("product").path("productFamily").asString("");
        String market = attrs.path("marketoption").asString("OnDemand");
        return family.startsWith("Compute Instance") && "OnDemand".equals(market);
    }

    /** The OnDemand hourly USD price; {@code null} when the product has no OnDemand term in Hrs. */
    private static BigDecimal onDemandHourly(JsonNode doc) {
        BigDecimal found = null;
        for (Iterator<JsonNode> terms = doc.path("terms").path("OnDemand").values().iterator(); terms.hasNext(); ) {
            for (Iterator<JsonNode> dims = terms.next().path("priceDimensions").values().iterator(); dims.hasNext(); ) {
                JsonNode d = dims.next();
                if (!"Hrs".equals(d.path("unit").asString(""))) continue;
                String usd = d.path("pricePerUnit").path("USD").asString(null);
                if (usd == null) continue;
                BigDecimal v;
                try {
                    v = new BigDecimal(usd.trim());
                } catch (NumberFormatException e) {
                    throw new UnreadableProduct("OnDemand price '" + usd + "' of " + doc.path("product").path("sku")
                            .asString("?") + " is not a number", e);
                }
                if (found != null && found.compareTo(v) != 0) {
                    throw new UnreadableProduct("product " + doc.path("product").path("sku").asString("?")
                            + " has two OnDemand hourly prices (" + found + ", " + v + ")", null);
                }
                found = v;
            }
        }
        return found;
    }
}
