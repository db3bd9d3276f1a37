package cloud.consolesensei.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import software.amazon.awssdk.services.pricing.PricingClient;
import software.amazon.awssdk.services.pricing.model.Filter;
import software.amazon.awssdk.services.pricing.model.FilterType;
import software.amazon.awssdk.services.pricing.model.GetProductsRequest;
import software.amazon.awssdk.services.pricing.model.GetProductsResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Demo fake of the AWS Price List Query API ({@link PricingClient#getProducts}): the product
 * documents of {@code classpath:demo/price-list.json}, shaped as the Price List publishes them
 * (attributes, OnDemand and Reserved terms), with decoys a loose filter would catch (Dedicated,
 * BYOL, SQL Server, capacity-reservation rows). It applies TERM_MATCH filters as the API does
 * (exact attribute values) and answers two products a page with a NextToken, each product a JSON
 * document in a string, so the demo's prices go through the same code as real ones.
 */
final class DemoPricing {

    /** The SDK interface with the demo's shared parts ({@link DemoClient}). */
    private interface Fake extends PricingClient, DemoClient {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<JsonNode> PRODUCTS = load();
    private static final int PAGE = 2;

    private DemoPricing() {
    }

    private static List<JsonNode> load() {
        try (InputStream in = DemoPricing.class.getResourceAsStream("/demo/price-list.json")) {
            if (in == null) throw new IllegalStateException("demo/price-list.json is missing from the classpath");
            List<JsonNode> out = new ArrayList<>();
            JSON.readTree(in).values().forEach(out::add);
            return List.copyOf(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static PricingClient client() {
        return new Fake() {
            @Override
            public GetProductsResponse getProducts(GetProductsRequest r) {
                List<String> matching = new ArrayList<>();
                for (JsonNode p : PRODUCTS) {
                    if (r.serviceCode().equals(p.path("serviceCode").asString("")) && matches(p, r.filters())) {
                        matching.add(JSON.writeValueAsString(p));
                    }
                }
                int from = r.nextToken() == null ? 0 : Integer.parseInt(r.nextToken());
                int to = Math.min(matching.size(), from + PAGE);
                return GetProductsResponse.builder().formatVersion("aws_v1").priceList(matching.subList(from, to))
                        .nextToken(to < matching.size() ? String.valueOf(to) : null).build();
            }
        };
    }

    private static boolean matches(JsonNode product, List<Filter> filters) {
        JsonNode attrs = product.path("product").path("attributes");
        for (Filter f : filters) {
            if (f.type() != FilterType.TERM_MATCH) throw new UnsupportedOperationException("demo Price List: " + f.type());
            if (!f.value().equalsIgnoreCase(attrs.path(f.field()).asString(""))) return false;
        }
        return true;
    }
}
