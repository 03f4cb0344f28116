package vn.chungtay.browser;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;

/** Keeps what the browser showed as PNGs under target/screenshots, for people to look at. */
final class Screenshots {

    private Screenshots() {}

    static void save(WebDriver browser, String name) throws IOException {
        Path folder = Path.of(System.getProperty("chungtay.screenshots", "target/screenshots"));
        Files.createDirectories(folder);
        Files.write(folder.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }
}
