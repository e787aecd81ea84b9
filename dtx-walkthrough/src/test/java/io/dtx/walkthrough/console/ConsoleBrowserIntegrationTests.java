package io.dtx.walkthrough.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.dtx.walkthrough.FreePorts;
import io.dtx.walkthrough.stack.Workspace;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The learners' console in a real (headless) browser against {@code ./dtx up}: what a learner
 * sees after each button, checked on the page and, for the money, against the account service.
 */
@TestMethodOrder(OrderAnnotation.class)
class ConsoleBrowserIntegrationTests {

    private static final Pattern TX_NO = Pattern.compile("\"txNo\":\"([^\"]+)\"");
    private static final Pattern PAUSED_TX = Pattern.compile("after payment (\\S+) committed");
    private static final Path SCREENSHOT = Path.of("target", "console", "console.png"); // docs/images/console.png

    private static Workspace workspace;
    private static DtxUp dtx;
    private static WebDriver browser;
    private static String firstTxNo;
    private static String consoleUrl;

    @BeforeAll
    static void upWithABrowser() throws Exception {
        Browser.requireInstalled();
        Path root = Path.of("..").toAbsolutePath().normalize();
        Path state = Path.of("target", "console-stack").toAbsolutePath();
        workspace = FreePorts.workspace(root, state);
        dtx = new DtxUp(workspace, workspace.payPort() + 38);
        consoleUrl = dtx.up();
        browser = Browser.start(state.resolve("chromium-profile"));
        browser.get(consoleUrl);
    }

    @AfterAll
    static void down() throws Exception {
        if (browser != null) {
            browser.quit();
        }
        if (dtx != null) {
            dtx.down();
        }
    }

    @Test
    @Order(0)
    void withoutTheRunsTokenNothingIsReadOrPressed() throws Exception {
        ConsoleGuards.refuseWithoutTheToken(consoleUrl, workspace.payUrl());
        assertThat(processState("account service")).doesNotContain("stopped");
    }

    @Test
    @Order(1)
    void aRechargeMadeOnThePageShowsItsWholeJourney() {
        firstTxNo = payOnThePage("100.00");
        Instant seen = waitFor(Duration.ofSeconds(60), () -> step(firstTxNo, "CREDITED") != null);
        WebElement credited = step(firstTxNo, "CREDITED");
        long lagMs = Duration.between(Instant.parse(credited.getDomAttribute("data-at")), seen)
                .toMillis();
        System.out.printf("console: the credit showed %d ms after the account service recorded it%n", lagMs);

        assertThat(milestones(firstTxNo))
                .containsSubsequence("HALF_MESSAGE_STORED", "LOCAL_COMMIT", "COMMIT_SENT", "DELIVERED", "CREDITED");
        assertThat(card(firstTxNo).getDomAttribute("data-state")).isEqualTo("credited");
        assertThat(card(firstTxNo).getText()).contains("✔ credited");
        assertThat(AccountCredits.of(workspace, firstTxNo))
                .as("the account service's own list of credits")
                .isEqualTo(1);
    }

    @Test
    @Order(2)
    void killingThePayServiceAfterItsLocalCommitShowsTheCheckBackAndOneCredit() {
        press("kill-pay-after-commit");
        String txNo = waitForText(Duration.ofSeconds(60), PAUSED_TX);
        waitFor(Duration.ofSeconds(120), () -> step(txNo, "CHECK_BACK") != null && step(txNo, "CREDITED") != null);

        assertThat(milestones(txNo))
                .contains("HALF_MESSAGE_STORED", "LOCAL_COMMIT")
                .doesNotContain("COMMIT_SENT");
        assertThat(step(txNo, "CHECK_BACK").getText()).contains("COMMIT");
        assertThat(milestones(txNo).stream().filter("CREDITED"::equals)).hasSize(1);
        assertThat(AccountCredits.of(workspace, txNo)).isEqualTo(1);
    }

    @Test
    @Order(3)
    void aDuplicateIsShownRefusedByTheDedupKey() {
        BigDecimal balance = AccountCredits.balance(workspace);
        waitFor(Duration.ofSeconds(10), () -> new BigDecimal(balance()).compareTo(balance) == 0); // read every ~1 s
        // The notifier's callback may have been refused by the dedup key already: count the message's.
        long before = refusedMessages(firstTxNo);
        card(firstTxNo).findElement(By.cssSelector("[data-duplicate]")).click();
        waitForText(Duration.ofSeconds(30), Pattern.compile("sent payment (" + firstTxNo + ")'s message again"));
        waitFor(Duration.ofSeconds(30), () -> refusedMessages(firstTxNo) == before + 1);

        assertThat(milestones(firstTxNo).stream().filter("CREDITED"::equals)).hasSize(1);
        assertThat(AccountCredits.of(workspace, firstTxNo)).isEqualTo(1);
        assertThat(AccountCredits.balance(workspace)).isEqualByComparingTo(balance);
        assertThat(new BigDecimal(balance())).isEqualByComparingTo(balance);
    }

    @Test
    @Order(4)
    void withTheAccountServiceStoppedMessagesWaitAndAreCreditedOnRestart() throws IOException {
        press("stop-account");
        waitFor(Duration.ofSeconds(20), () -> processState("account service").contains("stopped"));
        String txNo = payOnThePage("7.00");
        waitFor(Duration.ofSeconds(20), () -> step(txNo, "COMMIT_SENT") != null);
        waitFor(Duration.ofSeconds(10), () -> card(txNo).getText().contains("waiting for delivery"));
        assertThat(card(txNo).getDomAttribute("data-state")).isEqualTo("in flight");
        assertThat(card(txNo).getText()).contains("… in flight", "waiting for the credit");
        screenshot();

        press("start-account");
        waitFor(Duration.ofSeconds(120), () -> step(txNo, "CREDITED") != null);
        assertThat(processState("account service")).contains("running");
        assertThat(AccountCredits.of(workspace, txNo)).isEqualTo(1);
    }

    private String payOnThePage(String amount) {
        WebElement form = browser.findElement(By.id("recharge"));
        WebElement field = form.findElement(By.name("amount"));
        field.clear();
        field.sendKeys(amount);
        String before = browser.findElement(By.id("recharge-result")).getText();
        form.findElement(By.cssSelector("button[type=submit]")).click();
        waitFor(Duration.ofSeconds(30), () -> {
            String now = browser.findElement(By.id("recharge-result")).getText();
            return !now.equals(before) && now.startsWith("201");
        });
        Matcher txNo =
                TX_NO.matcher(browser.findElement(By.id("recharge-result")).getText());
        assertThat(txNo.find()).isTrue();
        return txNo.group(1);
    }

    private void press(String fault) {
        waitFor(
                Duration.ofSeconds(30),
                () -> browser.findElement(By.cssSelector("[data-fault=" + fault + "]"))
                        .isEnabled());
        browser.findElement(By.cssSelector("[data-fault=" + fault + "]")).click();
    }

    private WebElement card(String txNo) {
        return browser.findElements(By.cssSelector("article.journey")).stream()
                .filter(card -> txNo.equals(card.getDomAttribute("data-tx")))
                .findFirst()
                .orElse(null);
    }

    private WebElement step(String txNo, String milestone) {
        WebElement card = card(txNo);
        return card == null
                ? null
                : card.findElements(By.cssSelector("li[data-milestone=" + milestone + "]")).stream()
                        .findFirst()
                        .orElse(null);
    }

    private List<String> milestones(String txNo) {
        return card(txNo).findElements(By.cssSelector("li[data-milestone]")).stream()
                .map(li -> li.getDomAttribute("data-milestone"))
                .toList();
    }

    private long refusedMessages(String txNo) {
        return card(txNo).findElements(By.cssSelector("li[data-milestone=DUPLICATE_REFUSED]")).stream()
                .filter(li -> li.getText().contains("by MESSAGE"))
                .count();
    }

    private String processState(String name) {
        return readAcrossRedraws(() -> browser.findElements(By.cssSelector("#processes tbody tr")).stream()
                .map(WebElement::getText)
                .filter(row -> row.startsWith(name))
                .findFirst()
                .orElse(""));
    }

    private String balance() {
        return readAcrossRedraws(() -> browser.findElement(By.cssSelector("#balances tbody tr td:nth-child(3)"))
                .getText());
    }

    /** The tables are redrawn every second: a row found just before a redraw is gone when read, so read again. */
    private static String readAcrossRedraws(Supplier<String> read) {
        for (int attempt = 1; ; attempt++) {
            try {
                return read.get();
            } catch (StaleElementReferenceException redrawn) {
                if (attempt == 5) {
                    throw redrawn;
                }
            }
        }
    }

    private static Instant waitFor(Duration timeout, BooleanSupplier condition) {
        new WebDriverWait(browser, timeout, Duration.ofMillis(100))
                .ignoring(RuntimeException.class) // redrawn every second: a stale element is read again
                .until(driver -> condition.getAsBoolean());
        return Instant.now();
    }

    private static String waitForText(Duration timeout, Pattern pattern) {
        String[] found = new String[1];
        waitFor(timeout, () -> {
            Matcher matcher =
                    pattern.matcher(browser.findElement(By.id("pressed")).getText());
            if (matcher.find()) {
                found[0] = matcher.group(1);
            }
            return found[0] != null;
        });
        return found[0];
    }

    private static void screenshot() throws IOException {
        Browser.screenshot(browser, SCREENSHOT);
    }
}
