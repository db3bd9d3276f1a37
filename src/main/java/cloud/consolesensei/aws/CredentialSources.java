package cloud.consolesensei.aws;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

import software.amazon.awssdk.profiles.Profile;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.profiles.ProfileProperty;

/**
 * Which of the AWS SDK's credential sources are set, even partly, and whether one of them is set
 * but broken, read from the environment, the system properties and the shared files alone (no
 * AWS call). The sources are those of the SDK's default chain (AWS SDKs and Tools Reference Guide,
 * "Standardized credential providers"): the {@code AWS_ACCESS_KEY_ID} / {@code
 * AWS_SECRET_ACCESS_KEY} / {@code AWS_SESSION_TOKEN} variables and the {@code aws.accessKeyId} /
 * {@code aws.secretAccessKey} / {@code aws.sessionToken} properties, {@code AWS_PROFILE}
 * ({@code aws.profile}), {@code AWS_WEB_IDENTITY_TOKEN_FILE} with {@code AWS_ROLE_ARN}, the
 * {@code AWS_CONTAINER_CREDENTIALS_*} variables, and the shared credentials and config files
 * ({@code AWS_SHARED_CREDENTIALS_FILE}, {@code AWS_CONFIG_FILE}, default {@code ~/.aws/credentials}
 * and {@code ~/.aws/config}) when they name a profile with credentials.
 *
 * @param set    the sources set, each named as a user would look for it ({@code AWS_PROFILE=audit},
 *               {@code the shared credentials file /app/.aws/credentials})
 * @param broken what is wrong with a source that is set but cannot work, one sentence naming it;
 *               empty when none is broken as far as can be told without calling AWS
 */
public record CredentialSources(List<String> set, Optional<String> broken) {

    /** Profile properties that give a profile credentials of some kind. */
    private static final Set<String> CREDENTIAL_PROPERTIES = Set.of(ProfileProperty.AWS_ACCESS_KEY_ID,
            ProfileProperty.AWS_SECRET_ACCESS_KEY, ProfileProperty.AWS_SESSION_TOKEN, ProfileProperty.ROLE_ARN,
            ProfileProperty.CREDENTIAL_PROCESS, ProfileProperty.WEB_IDENTITY_TOKEN_FILE, ProfileProperty.SSO_START_URL,
            ProfileProperty.SSO_ACCOUNT_ID, "sso_session", ProfileProperty.CREDENTIAL_SOURCE, ProfileProperty.SOURCE_PROFILE,
            ProfileProperty.LOGIN_SESSION);

    private static final List<String> CONTAINER = List.of("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI",
            "AWS_CONTAINER_CREDENTIALS_FULL_URI", "AWS_CONTAINER_AUTHORIZATION_TOKEN",
            "AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE");

    /** True when some source is set, even partly. */
    public boolean anySet() {
        return !set.isEmpty();
    }

    /** The sources of this process ({@link System#getenv()}, {@link System#getProperties()}). */
    public static CredentialSources ofThisProcess() {
        return inspect(System.getenv(), System.getProperties());
    }

    /**
     * Inspects the given environment and system properties (and the files they point at).
     *
     * @param env   environment variables
     * @param props system properties ({@code user.home} locates {@code ~/.aws} when {@code HOME} is unset)
     */
    public static CredentialSources inspect(Map<String, String> env, Properties props) {
        List<String> set = new ArrayList<>();
        List<String> broken = new ArrayList<>();

        keys(env.get("AWS_ACCESS_KEY_ID"), env.get("AWS_SECRET_ACCESS_KEY"), env.get("AWS_SESSION_TOKEN"),
                "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "environment variable", set, broken);
        keys(props.getProperty("aws.accessKeyId"), props.getProperty("aws.secretAccessKey"),
                props.getProperty("aws.sessionToken"), "aws.accessKeyId", "aws.secretAccessKey", "aws.sessionToken",
                "system property", set, broken);

        Path home = Path.of(firstSet(env.get("HOME"), props.getProperty("user.home"), "."));
        SharedFile credentials = SharedFile.read("the shared credentials file",
                firstSet(env.get("AWS_SHARED_CREDENTIALS_FILE"), props.getProperty("aws.sharedCredentialsFile"),
                        home.resolve(".aws").resolve("credentials").toString()), ProfileFile.Type.CREDENTIALS);
        SharedFile config = SharedFile.read("the shared config file",
                firstSet(env.get("AWS_CONFIG_FILE"), props.getProperty("aws.configFile"),
                        home.resolve(".aws").resolve("config").toString()), ProfileFile.Type.CONFIGURATION);
        for (SharedFile f : List.of(credentials, config)) {
            f.problem().ifPresent(p -> {
                set.add(f.description());
                broken.add(p);
            });
            if (f.problem().isEmpty() && f.profiles().values().stream().anyMatch(CredentialSources::hasCredentials)) {
                set.add(f.description());
            }
        }

        String profileVar = isSet(env.get("AWS_PROFILE")) ? "AWS_PROFILE" : isSet(props.getProperty("aws.profile")) ? "aws.profile" : null;
        if (profileVar != null) {
            String name = profileVar.equals("AWS_PROFILE") ? env.get("AWS_PROFILE") : props.getProperty("aws.profile");
            set.add(profileVar + "=" + name);
            if (credentials.problem().isEmpty() && config.problem().isEmpty()) {
                profileProblem(profileVar, name, credentials, config).ifPresent(broken::add);
            }
        } else if (credentials.problem().isEmpty() && config.problem().isEmpty()) {
            // the default profile is the one the chain reads: half-set static keys there are broken too
            Map<String, String> merged = merged("default", credentials, config);
            staticKeysProblem("profile 'default' of " + where(credentials, config), merged).ifPresent(broken::add);
        }

        String token = firstSet(env.get("AWS_WEB_IDENTITY_TOKEN_FILE"), props.getProperty("aws.webIdentityTokenFile"), null);
        if (token != null) {
            set.add("AWS_WEB_IDENTITY_TOKEN_FILE=" + token);
            if (!isSet(env.get("AWS_ROLE_ARN")) && !isSet(props.getProperty("aws.roleArn"))) {
                broken.add("AWS_WEB_IDENTITY_TOKEN_FILE is set but AWS_ROLE_ARN is not: set the role to assume with the token,"
                        + " or unset both");
            } else {
                unreadable("AWS_WEB_IDENTITY_TOKEN_FILE", Path.of(token)).ifPresent(broken::add);
            }
        }
        for (String c : CONTAINER) {
            if (isSet(env.get(c))) set.add(c);
        }
        String tokenFile = env.get("AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE");
        if (isSet(tokenFile)) unreadable("AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE", Path.of(tokenFile)).ifPresent(broken::add);

        return new CredentialSources(List.copyOf(set), broken.stream().findFirst());
    }

    private static void keys(String id, String secret, String token, String idName, String secretName, String tokenName,
                             String kind, List<String> set, List<String> broken) {
        boolean hasId = isSet(id);
        boolean hasSecret = isSet(secret);
        boolean hasToken = isSet(token);
        if (hasId) set.add(idName);
        if (hasSecret) set.add(secretName);
        if (hasToken) set.add(tokenName);
        if (hasId && !hasSecret) {
            broken.add("the " + kind + " " + idName + " is set but " + secretName + " is not: set both (and " + tokenName
                    + " for temporary credentials), or neither");
        } else if (hasSecret && !hasId) {
            broken.add("the " + kind + " " + secretName + " is set but " + idName + " is not: set both, or neither");
        } else if (hasToken && !hasId) {
            broken.add("the " + kind + " " + tokenName + " is set without " + idName + " and " + secretName
                    + ": set all three, or none");
        }
    }

    private static Optional<String> profileProblem(String var, String name, SharedFile credentials, SharedFile config) {
        if (!credentials.profiles().containsKey(name) && !config.profiles().containsKey(name)) {
            List<String> known = new ArrayList<>(credentials.profiles().keySet());
            config.profiles().keySet().stream().filter(k -> !known.contains(k)).forEach(known::add);
            return Optional.of(var + " is '" + name + "', but neither " + credentials.path() + " nor " + config.path()
                    + " has that profile" + (known.isEmpty() ? " (they name no profile)" : " (profiles there: "
                    + String.join(", ", known) + ")"));
        }
        Map<String, String> merged = merged(name, credentials, config);
        if (merged.keySet().stream().noneMatch(CREDENTIAL_PROPERTIES::contains)) {
            return Optional.of(var + " is '" + name + "', but that profile of " + where(credentials, config)
                    + " has no credentials (aws_access_key_id and aws_secret_access_key, role_arn, sso_session,"
                    + " credential_process or web_identity_token_file)");
        }
        return staticKeysProblem("profile '" + name + "' of " + where(credentials, config), merged);
    }

    private static Optional<String> staticKeysProblem(String profile, Map<String, String> p) {
        boolean id = isSet(p.get(ProfileProperty.AWS_ACCESS_KEY_ID));
        boolean secret = isSet(p.get(ProfileProperty.AWS_SECRET_ACCESS_KEY));
        if (id == secret || p.containsKey(ProfileProperty.ROLE_ARN)) return Optional.empty();
        return Optional.of(profile + " has " + (id ? "aws_access_key_id but no aws_secret_access_key"
                : "aws_secret_access_key but no aws_access_key_id") + ": give both, or neither");
    }

    private static Map<String, String> merged(String name, SharedFile credentials, SharedFile config) {
        Map<String, String> out = new LinkedHashMap<>();
        Profile c = config.profiles().get(name);
        if (c != null) out.putAll(c.properties());
        Profile k = credentials.profiles().get(name);
        if (k != null) out.putAll(k.properties());
        return out;
    }

    private static String where(SharedFile credentials, SharedFile config) {
        return credentials.path() + " / " + config.path();
    }

    private static boolean hasCredentials(Profile p) {
        return p.properties().keySet().stream().anyMatch(CREDENTIAL_PROPERTIES::contains);
    }

    private static Optional<String> unreadable(String var, Path file) {
        try {
            Files.readAllBytes(file);
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.of(var + " is " + file + ", which " + cannot(file, e));
        }
    }

    /** Why {@code file} cannot be read, naming this process's user. */
    static String cannot(Path file, Exception e) {
        String user = System.getProperty("user.name");
        if (!Files.exists(file)) return "does not exist";
        if (Files.isDirectory(file)) return "is a folder, not a file";
        return "the user " + user + " cannot read (" + e.getClass().getSimpleName()
                + (e.getMessage() == null ? "" : ": " + e.getMessage()) + "): make it readable by that user, or unset it";
    }

    private static boolean isSet(String v) {
        return v != null && !v.isBlank();
    }

    private static String firstSet(String a, String b, String fallback) {
        return isSet(a) ? a : isSet(b) ? b : fallback;
    }

    /**
     * One shared file: its profiles, or why it cannot be read. A file that does not exist is not
     * set (it names no profile); one that exists but cannot be read is broken: nobody can tell
     * whether it was meant to give credentials.
     */
    private record SharedFile(String description, Path path, Map<String, Profile> profiles, Optional<String> problem) {

        static SharedFile read(String what, String location, ProfileFile.Type type) {
            Path path = Path.of(location);
            String description = what + " " + path;
            if (!Files.exists(path)) return new SharedFile(description, path, Map.of(), Optional.empty());
            try {
                byte[] content = Files.readAllBytes(path);
                Map<String, Profile> profiles = ProfileFile.builder().content(new ByteArrayInputStream(content)).type(type)
                        .build().profiles();
                return new SharedFile(description, path, profiles, Optional.empty());
            } catch (IOException e) {
                return new SharedFile(description, path, Map.of(), Optional.of(description + " exists, but " + cannot(path, e)));
            } catch (RuntimeException e) {
                return new SharedFile(description, path, Map.of(), Optional.of(description + " cannot be parsed: "
                        + String.valueOf(e.getMessage()).replaceAll("\\s+", " ")));
            }
        }
    }
}
