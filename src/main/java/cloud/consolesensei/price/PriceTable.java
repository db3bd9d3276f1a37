package cloud.consolesensei.price;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * The bundled, dated price table ({@code classpath:prices/aws-prices.csv}), taken from the AWS
 * public price list (on-demand, Linux, per region). Prices are USD; the unit is part of the item
 * name ({@code ebs.gp3.gb-month}: per GiB-month; {@code ec2.public-ipv4.hour}: per address-hour).
 * <p>
 * File shape: lines starting with {@code #} carry {@code # source: ...} and {@code # as-of: YYYY-MM-DD};
 * then a CSV with header {@code region,item,usd}. A region or item missing from the table is
 * {@link Optional#empty()}: callers say so in the finding's detail rather than price it as zero.
 */
public final class PriceTable {

    /** Item names used by the checks. */
    public static final String PUBLIC_IPV4_HOUR = "ec2.public-ipv4.hour";
    public static final String SNAPSHOT_GB_MONTH = "ebs.snapshot.gb-month";

    private final Map<String, BigDecimal> prices;
    private final String source;
    private final LocalDate asOf;

    public PriceTable(Map<String, BigDecimal> prices, String source, LocalDate asOf) {
        this.prices = Map.copyOf(prices);
        this.source = source;
        this.asOf = asOf;
    }

    /** Loads the bundled table. @throws UncheckedIOException if the resource is unreadable */
    public static PriceTable bundled() {
        try (InputStream in = PriceTable.class.getResourceAsStream("/prices/aws-prices.csv")) {
            if (in == null) {
                throw new IllegalStateException("prices/aws-prices.csv is missing from the classpath");
            }
            return parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses a table in the file shape described above. */
    public static PriceTable parse(InputStream in) throws IOException {
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        StringBuilder csv = new StringBuilder();
        String source = "unknown";
        LocalDate asOf = null;
        for (String line; (line = r.readLine()) != null; ) {
            if (line.startsWith("#")) {
                String t = line.substring(1).trim();
                if (t.startsWith("source:")) source = t.substring(7).trim();
                if (t.startsWith("as-of:")) asOf = LocalDate.parse(t.substring(6).trim());
            } else if (!line.isBlank()) {
                csv.append(line).append('\n');
            }
        }
        Map<String, BigDecimal> m = new HashMap<>();
        for (CSVRecord rec : CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv.toString()))) {
            m.put(key(rec.get("region"), rec.get("item")), new BigDecimal(rec.get("usd")));
        }
        return new PriceTable(m, source, asOf);
    }

    private static String key(String region, String item) {
        return region + '|' + item;
    }

    /** USD price of {@code item} in {@code region}, or empty when the table does not have it. */
    public Optional<BigDecimal> price(String region, String item) {
        return Optional.ofNullable(prices.get(key(region, item)));
    }

    /** Where the prices come from (the AWS public price list and its offer files). */
    public String source() {
        return source;
    }

    /** Date the prices were taken. */
    public LocalDate asOf() {
        return asOf;
    }

    /** The sentence a finding's detail carries when a price is missing. */
    public String missing(String region, String item) {
        return "no price for " + item + " in " + region + " in the bundled price table (" + asOf
                + "): monthly cost left empty";
    }
}
