package cloud.consolesensei.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cloud.consolesensei.ConsoleSenseiApplication;
import cloud.consolesensei.testkit.JobTest;

import java.io.File;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The web console end to end in a real browser: Debian's Chromium driven through Debian's
 * chromedriver (both under /usr/bin; nothing is downloaded), headless with the flags a closed
 * network needs. An ADMIN signs in, opens a run, filters its findings, downloads the workbook (read
 * back with POI), re-runs one account and watches it complete in place; a VIEWER sees no re-run or
 * restart button. The screenshots of the main pages go to docs/ for the README.
 * Runs in the Maven profile {@code browser} ({@code .ci/run} installs chromium and chromium-driver).
 */
@Tag("browser")
@SpringBootTest(classes = {ConsoleSenseiApplication.class, WebTestSupport.DemoEstate.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "spring.main.web-application-type=servlet")
@JobTest
class ConsoleBrowserTest {

    private static final String PROD = "111111111111";
    private static final String STAGING = "222222222222";
    private static final Path DOCS = Path.of("docs");

    @TempDir
    static Path dir;

    @DynamicPropertySource
    static void props(DynamicPropertyRegistry r) {
        WebTestSupport.properties(r, dir);
    }

    @LocalServerPort
    int port;

    private ChromeDriver browser;
    private Path downloads;

    @BeforeEach
    void openBrowser() throws Exception {
        downloads = Files.createDirectories(dir.resolve("downloads"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver")).usingAnyFreePort().build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--no-first-run", "--disable-dev-shm-usage", "--window-size=1440,1000");
        options.setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toAbsolutePath().toString(),
                "download.prompt_for_download", false));
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) browser.quit();
    }

    @Test
    void adminOpensFiltersDownloadsAndRerunsViewerCannot() throws Exception {
        long first = startRunThroughTheApi();

        signIn(WebTestSupport.ADMIN);
        assertThat(browser.findElement(By.id("user")).getText()).isEqualTo("admin (ADMIN)");
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            browser.navigate().refresh();
            return browser.findElement(By.id("status-" + first)).getText().startsWith("COMPLETED");
        });
        screenshot("console-runs.png");

        browser.findElement(By.linkText(Long.toString(first))).click();
        long all = Long.parseLong(browser.findElement(By.id("findings-total")).getText());
        assertThat(all).isPositive();
        new Select(browser.findElement(By.id("f-severity"))).selectByValue("HIGH");
        new Select(browser.findElement(By.id("f-account"))).selectByValue(PROD);
        browser.findElement(By.id("apply")).click();
        // the filter replaces the findings section: wait for the new count instead of reading the old
        // element while it is being swapped out (a stale element, as CI once saw)
        long high = await("the filtered findings").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .ignoreException(StaleElementReferenceException.class)
                .until(() -> Long.parseLong(browser.findElement(By.id("findings-total")).getText()), n -> n < all);
        assertThat(high).isPositive();
        List<WebElement> rows = browser.findElements(By.cssSelector("#findings tbody tr"));
        assertThat(rows).isNotEmpty().allSatisfy(r -> {
            List<WebElement> cells = r.findElements(By.tagName("td"));
            assertThat(cells.get(0).getText()).isEqualTo("HIGH");
            assertThat(cells.get(2).getText()).isEqualTo(PROD);
        });
        screenshot("console-run.png");

        String workbook = "consolesensei-" + PROD + "-" + WebTestSupport.AS_OF + ".xlsx";
        browser.findElement(By.linkText(workbook)).click();
        Path file = downloads.resolve(workbook);
        await().atMost(Duration.ofSeconds(60)).until(() -> Files.isRegularFile(file)
                && !Files.exists(downloads.resolve(workbook + ".crdownload")));
        try (InputStream in = Files.newInputStream(file); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            assertThat(wb.getSheet("Findings")).isNotNull();
            assertThat(wb.getSheet("Findings").getLastRowNum()).isGreaterThanOrEqualTo((int) high);
        }

        browser.get(url("/accounts"));
        screenshot("console-accounts.png");
        browser.findElement(By.id("regions-" + STAGING)).sendKeys("eu-west-1");
        browser.findElement(By.id("rerun-" + STAGING)).click();
        Matcher m = Pattern.compile("/runs/(\\d+)$").matcher(browser.getCurrentUrl());
        assertThat(m.find()).as(browser.getCurrentUrl()).isTrue();
        long rerun = Long.parseLong(m.group(1));
        assertThat(rerun).isGreaterThan(first);
        // the status updates in place (htmx polls it), without reloading the page
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1))
                .until(() -> browser.findElement(By.id("status-" + rerun)).getText().startsWith("COMPLETED"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).contains(STAGING);
        assertThat(browser.findElement(By.cssSelector("p.facts")).getText()).contains("regions eu-west-1");

        browser.findElement(By.cssSelector("form.who button")).click();
        signIn(WebTestSupport.VIEWER);
        browser.get(url("/accounts"));
        assertThat(browser.findElements(By.id("account-" + PROD))).hasSize(1);
        assertThat(browser.findElements(By.cssSelector("[id^=rerun-]"))).isEmpty();
        assertThat(browser.findElements(By.cssSelector("form[action$=rerun]"))).isEmpty();
        browser.get(url("/runs/" + first));
        assertThat(browser.findElements(By.id("restart"))).isEmpty();
        // a run of another scope (STAGING@eu-west-1) replaced none of its files: the VIEWER downloads them
        assertThat(browser.findElements(By.linkText(workbook))).hasSize(1);
    }

    private void signIn(String user) {
        browser.get(url("/login"));
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(WebTestSupport.PASSWORD);
        browser.findElement(By.id("sign-in")).click();
        await().atMost(Duration.ofSeconds(30)).until(() -> !browser.getCurrentUrl().contains("/login"));
    }

    /** Starts a one-account run with the JSON API (HTTP Basic, no CSRF token), as a scheduler would. */
    private long startRunThroughTheApi() throws Exception {
        String basic = Base64.getEncoder().encodeToString((WebTestSupport.ADMIN + ":" + WebTestSupport.PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url("/api/runs")))
                .header("Authorization", "Basic " + basic).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"accounts\": [\"" + PROD + "\"], \"asOf\": \""
                        + WebTestSupport.AS_OF + "\"}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
        return Long.parseLong(r.headers().firstValue("Location").orElseThrow().replaceAll("\\D+", ""));
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    private void screenshot(String name) throws Exception {
        Files.createDirectories(DOCS);
        File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), DOCS.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }
}
