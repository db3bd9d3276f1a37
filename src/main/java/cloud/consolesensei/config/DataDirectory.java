package cloud.consolesensei.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Makes {@code consolesensei.data-dir} absolute (resolved against the working folder) before anything
 * reads it, so the embedded database URL of {@code application.yml}
 * ({@code jdbc:h2:file:${consolesensei.data-dir}/consolesensei}) and {@link ConsoleSenseiProperties#dataPath}
 * name the same folder, and H2 never sees an implicitly relative path (which it refuses). Runs after
 * the configuration files are read ({@code --config} included). When the embedded default database
 * does not exist yet, it says so in {@link #NEW_HISTORY}.
 */
public class DataDirectory implements EnvironmentPostProcessor, Ordered {

    /** The key. */
    public static final String KEY = "consolesensei.data-dir";
    /** Its default, relative to the working folder. */
    public static final String DEFAULT = "./data";
    /**
     * Set (to the data folder) when the embedded default database is used and does not exist yet: this
     * process starts a new history, which a command says (a cron entry run from another folder would).
     */
    public static final String NEW_HISTORY = "consolesensei-cli.new-history";
    /** The embedded database's file name in the data folder (H2's MVStore). */
    static final String DATABASE_FILE = "consolesensei.mv.db";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication application) {
        String configured = env.getProperty(KEY, DEFAULT);
        if (configured.isBlank()) return; // the validator names the empty key
        String absolute = Path.of(configured).toAbsolutePath().normalize().toString();
        env.getPropertySources().addFirst(new MapPropertySource("consolesensei-data-dir", Map.of(KEY, absolute)));
        if (embedded(env.getProperty("spring.datasource.url"), absolute) && !Files.exists(Path.of(absolute, DATABASE_FILE))) {
            env.getPropertySources().addFirst(new MapPropertySource("consolesensei-new-history", Map.of(NEW_HISTORY, absolute)));
        }
    }

    /**
     * True when {@code url} opens the embedded default database of {@code absoluteDataDir}: H2's file
     * database {@code consolesensei} in that folder, whatever settings follow the path ({@code ;KEY=VALUE},
     * which application.yml's default and a user's URL may add or change).
     */
    static boolean embedded(String url, String absoluteDataDir) {
        String path = "jdbc:h2:file:" + absoluteDataDir + "/consolesensei";
        return url != null && url.startsWith(path) && (url.length() == path.length() || url.charAt(path.length()) == ';');
    }

    @Override
    public int getOrder() {
        return ConfigDataEnvironmentPostProcessor.ORDER + 1;
    }
}
