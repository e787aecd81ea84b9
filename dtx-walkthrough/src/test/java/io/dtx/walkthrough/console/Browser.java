package io.dtx.walkthrough.console;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium, driven by its own chromedriver: no browser is downloaded. Without
 * one the browser tests skip and say why, except in CI, where a skipped browser test is a failure.
 */
final class Browser {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path DRIVER = Path.of("/usr/bin/chromedriver");

    private Browser() {}

    /** Skips (or, with CI=true, fails) the calling tests when no browser is installed. */
    static void requireInstalled() {
        if (Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER)) {
            return;
        }
        String why = "no browser: " + CHROMIUM + " and " + DRIVER
                + " are needed (scripts/install-browser.sh installs Debian's chromium and chromium-driver)";
        if ("true".equals(System.getenv("CI"))) {
            fail("CI=true: the browser tests must run, but there is " + why);
        }
        Assumptions.abort(why);
    }

    static WebDriver start(Path profileDir) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        // Without the networking flags Chromium floods the closed network with refused connections.
        options.addArguments(List.of(
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--no-first-run",
                "--disable-component-update",
                "--disable-sync",
                "--window-size=1366,900",
                "--user-data-dir=" + profileDir.toAbsolutePath()));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort()
                .build();
        return new ChromeDriver(service, options);
    }

    static void screenshot(WebDriver browser, Path to) throws IOException {
        Path shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
        Files.createDirectories(to.getParent());
        Files.copy(shot, to, StandardCopyOption.REPLACE_EXISTING);
    }
}
