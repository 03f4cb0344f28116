package vn.chungtay;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;

/**
 * Opens a DOCX in LibreOffice (headless, as installed by {@code .ci/run}) and returns the text of
 * the PDF it prints — proof that the document opens there and shows what it should.
 */
public final class LibreOffice {

    private LibreOffice() {}

    /** The {@code soffice} executable on the PATH, or null. */
    public static String executable() {
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        for (String dir : path.split(File.pathSeparator)) {
            for (String name : new String[] {"soffice", "libreoffice"}) {
                File candidate = new File(dir, name);
                if (candidate.canExecute()) {
                    return candidate.getAbsolutePath();
                }
            }
        }
        return null;
    }

    public static String textOfDocx(byte[] docx) throws Exception {
        String office = executable();
        if (office == null) {
            throw new IllegalStateException("LibreOffice is not installed");
        }
        Path dir = Files.createTempDirectory("docx-check");
        Path input = dir.resolve("document.docx");
        Files.write(input, docx);
        Process process = new ProcessBuilder(
                        office,
                        "-env:UserInstallation=file://" + dir.resolve("profile"),
                        "--headless",
                        "--convert-to",
                        "pdf",
                        "--outdir",
                        dir.toString(),
                        input.toString())
                .redirectErrorStream(true)
                .start();
        if (!process.waitFor(180, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("LibreOffice did not finish converting the document");
        }
        Path pdf = dir.resolve("document.pdf");
        if (!Files.exists(pdf)) {
            throw new IllegalStateException("LibreOffice could not open the document: "
                    + new String(process.getInputStream().readAllBytes()));
        }
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            PDFTextStripper stripper = new PDFTextStripper();
            // letters drawn from a fallback font come in another run: read them where they stand
            stripper.setSortByPosition(true);
            return stripper.getText(document);
        }
    }
}
