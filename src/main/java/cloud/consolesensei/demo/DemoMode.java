package cloud.consolesensei.demo;

import cloud.consolesensei.aws.CredentialSourceException;
import cloud.consolesensei.aws.CredentialSources;
import cloud.consolesensei.config.ConsoleSenseiProperties;

import java.util.function.Supplier;

import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;

/**
 * Whether a command audits the built-in demo estate, exactly as README defines demo mode:
 * asked for with {@code --demo}, or no account configured, discovery off, no credential source even
 * partly set ({@link CredentialSources}) and the SDK's default chain (container and instance roles
 * included, within its own time limits) finding none. A source that is set but broken is an error,
 * never the demo: a half-configured production host must not mail a DEMO report to real recipients.
 */
public final class DemoMode {

    private DemoMode() {
    }

    /**
     * Decides for this process ({@code run}, {@code doctor} and {@code serve} alike): configured means
     * accounts configured or organization discovery on; the sources are this process's environment and
     * files; the chain is the AWS SDK's default one.
     *
     * @throws CredentialSourceException when a credential source is set but broken (exit 1)
     */
    public static boolean of(boolean asked, ConsoleSenseiProperties props) {
        return decide(asked, !props.accounts().isEmpty() || props.organizations().discover(),
                CredentialSources.ofThisProcess(), DemoMode::resolveCredentials);
    }

    /** Resolves the AWS SDK's default credential chain; throws when it finds none. */
    private static Object resolveCredentials() {
        try (DefaultCredentialsProvider p = DefaultCredentialsProvider.builder().build()) {
            return p.resolveCredentials();
        }
    }

    /**
     * Decides.
     *
     * @param asked       {@code --demo} was given
     * @param configured  accounts are configured or organization discovery is on
     * @param sources     the credential sources of this process
     * @param chain       resolves the SDK's default credential chain; throws when it finds none
     * @return true for demo mode
     * @throws CredentialSourceException when a source is set but broken, or set and the chain still
     *         finds no credentials (the message names the source)
     */
    public static boolean decide(boolean asked, boolean configured, CredentialSources sources, Supplier<?> chain) {
        if (asked) return true;
        sources.broken().ifPresent(problem -> {
            throw new CredentialSourceException("AWS credentials: " + problem);
        });
        if (configured) return false;
        try {
            chain.get();
            return false;
        } catch (RuntimeException e) {
            if (!sources.anySet()) return true;
            throw new CredentialSourceException("AWS credentials: " + String.join(", ", sources.set())
                    + " set, but the AWS SDK's default chain found no usable credentials through it: "
                    + String.valueOf(e.getMessage()).replaceAll("\\s+", " ").trim());
        }
    }
}
