package vn.chungtay.shared.document;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Renders XHTML to PDF with the fonts bundled in {@code fonts/} (DejaVu Serif and Sans, which
 * carry every Vietnamese glyph). Templates name the families {@code serif} (also reachable as
 * {@code 'Times New Roman'}) and {@code sans-serif}; no system font is used.
 */
public final class PdfDocuments {

    private static final String[][] FONTS = {
        {"DejaVuSerif.ttf", "400", "normal"},
        {"DejaVuSerif-Bold.ttf", "700", "normal"},
        {"DejaVuSerif-Italic.ttf", "400", "italic"},
        {"DejaVuSerif-BoldItalic.ttf", "700", "italic"},
    };

    private PdfDocuments() {}

    /** The PDF of a well-formed XHTML document (escape every value put into it). */
    public static byte[] render(String xhtml) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            for (String family : new String[] {"serif", "Times New Roman"}) {
                for (String[] font : FONTS) {
                    builder.useFont(
                            () -> open(font[0]),
                            family,
                            Integer.parseInt(font[1]),
                            "italic".equals(font[2])
                                    ? PdfRendererBuilder.FontStyle.ITALIC
                                    : PdfRendererBuilder.FontStyle.NORMAL,
                            true);
                }
            }
            builder.useFont(() -> open("DejaVuSans.ttf"), "sans-serif", 400, PdfRendererBuilder.FontStyle.NORMAL, true);
            builder.useFont(
                    () -> open("DejaVuSans-Bold.ttf"), "sans-serif", 700, PdfRendererBuilder.FontStyle.NORMAL, true);
            builder.withHtmlContent(xhtml, null);
            builder.toStream(out);
            builder.run();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not render a PDF", e);
        }
    }

    /**
     * Escapes text for XHTML element content and attribute values, leaving out what XML 1.0 cannot
     * hold (control characters, U+FFFE, U+FFFF, unpaired surrogates) — typed into a field, one of them
     * made the renderer fail.
     */
    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    if (Character.isHighSurrogate(c)
                            && i + 1 < text.length()
                            && Character.isLowSurrogate(text.charAt(i + 1))) {
                        out.append(c).append(text.charAt(++i));
                    } else if (xmlCharacter(c)) {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    /** A character XML 1.0 allows on its own (surrogate pairs are handled by the caller). */
    public static boolean xmlCharacter(char c) {
        if (c < 0x20) {
            return c == '\n' || c == '\t' || c == '\r';
        }
        return !Character.isSurrogate(c) && c != '\uFFFE' && c != '\uFFFF';
    }

    private static InputStream open(String file) {
        InputStream in = PdfDocuments.class.getResourceAsStream("/fonts/" + file);
        if (in == null) {
            throw new IllegalStateException("Bundled font missing: fonts/" + file);
        }
        return in;
    }
}
