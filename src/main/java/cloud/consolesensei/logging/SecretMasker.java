package cloud.consolesensei.logging;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks secret values in log text (AWS SDK request and wire logging under {@code --debug}):
 * the values of {@code X-Amz-Security-Token}, {@code Authorization}, {@code AWSAccessKeyId},
 * {@code aws_secret_access_key}, {@code SecretAccessKey}, {@code SessionToken} and
 * {@code ExternalId}, written as a header or query/form parameter ({@code Name: v}, {@code Name=v}),
 * as JSON ({@code "Name":"v"}) or as XML ({@code <Name>v</Name>}, e.g. an AssumeRole response).
 * Names match case-insensitively; the value becomes {@value #MASK}.
 */
public final class SecretMasker {

    /** What a secret value is replaced with. */
    public static final String MASK = "****";

    private static final String NAMES =
            "X-Amz-Security-Token|AWSAccessKeyId|aws_secret_access_key|SecretAccessKey|SessionToken|ExternalId";

    private static final Pattern XML = Pattern.compile("(?i)<(" + NAMES + "|Authorization)>[^<]*</\\1>");
    /** Authorization values contain spaces and commas (AWS4-HMAC-SHA256 Credential=..., Signature=...). */
    private static final Pattern AUTHORIZATION = Pattern.compile("(?i)(\"?Authorization\"?\\s*[:=]\\s*[\"\\[]?)[^\"\\r\\n\\[\\]]+");
    private static final Pattern PAIR = Pattern.compile("(?i)(\"?(?:" + NAMES + ")\"?\\s*[:=]\\s*\"?)[^\\s&\",;<>}\\]\\[]+");

    private SecretMasker() {
    }

    /** {@code text} with every secret value replaced by {@value #MASK}; null stays null. */
    public static String mask(String text) {
        if (text == null || text.isEmpty()) return text;
        String t = XML.matcher(text).replaceAll(m -> "<" + m.group(1) + ">" + MASK + "</" + m.group(1) + ">");
        t = AUTHORIZATION.matcher(t).replaceAll(m -> Matcher.quoteReplacement(m.group(1)) + MASK);
        return PAIR.matcher(t).replaceAll(m -> Matcher.quoteReplacement(m.group(1)) + MASK);
    }
}
