package vn.chungtay.shared.csv;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Reads RFC 4180 CSV: quoted fields with commas, doubled quotes and line breaks, CRLF or LF line
 * ends, an optional UTF-8 byte order mark. Each record carries the line number it starts on.
 */
public final class CsvReader {

    /** One record of a CSV file, with its 1-based starting line and the header to look values up. */
    public record Row(long line, List<String> values, Map<String, Integer> header) {

        /** The value under a header column, trimmed; empty when the column or value is missing. */
        public String get(String column) {
            Integer index = header.get(column);
            if (index == null || index >= values.size()) {
                return "";
            }
            return values.get(index).trim();
        }

        public int size() {
            return values.size();
        }
    }

    private CsvReader() {}

    /** Reads a file whose first record is the header and hands every following record to the consumer. */
    public static List<String> read(Reader source, Consumer<Row> consumer) {
        try (BufferedReader in = new BufferedReader(source)) {
            in.mark(1);
            if (in.read() != '\uFEFF') {
                in.reset();
            }
            Parser parser = new Parser(in);
            List<String> header = parser.next();
            if (header == null) {
                throw new MalformedCsv(1, "the file is empty");
            }
            if (!header.isEmpty() && header.get(0).startsWith("\uFEFF")) {
                header.set(0, header.get(0).substring(1));
            }
            Map<String, Integer> index = new java.util.HashMap<>();
            for (int i = 0; i < header.size(); i++) {
                index.put(header.get(i).trim(), i);
            }
            Map<String, Integer> columns = Map.copyOf(index);
            while (true) {
                long line = parser.line;
                List<String> values = parser.next();
                if (values == null) {
                    break;
                }
                if (values.size() == 1 && values.get(0).isBlank()) {
                    continue;
                }
                consumer.accept(new Row(line, values, columns));
            }
            return List.copyOf(header);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A CSV file that cannot be read as CSV at all, naming the line where it broke. */
    public static class MalformedCsv extends RuntimeException {
        private final long line;

        public MalformedCsv(long line, String problem) {
            super("line " + line + ": " + problem);
            this.line = line;
        }

        public long line() {
            return line;
        }
    }

    private static final class Parser {
        private final BufferedReader in;
        private long line = 1;

        Parser(BufferedReader in) {
            this.in = in;
        }

        List<String> next() throws IOException {
            int c = in.read();
            if (c == -1) {
                return null;
            }
            long startLine = line;
            List<String> fields = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            boolean quoted = false;
            boolean afterQuote = false;
            while (true) {
                if (c == -1) {
                    if (quoted) {
                        throw new MalformedCsv(startLine, "a quoted field is never closed");
                    }
                    fields.add(field.toString());
                    return fields;
                }
                char ch = (char) c;
                if (quoted) {
                    if (ch == '"') {
                        in.mark(1);
                        int peek = in.read();
                        if (peek == '"') {
                            field.append('"');
                        } else {
                            quoted = false;
                            afterQuote = true;
                            if (peek != -1) {
                                in.reset();
                            } else {
                                fields.add(field.toString());
                                return fields;
                            }
                        }
                    } else {
                        if (ch == '\n') {
                            line++;
                        }
                        field.append(ch);
                    }
                } else if (ch == ',') {
                    fields.add(field.toString());
                    field.setLength(0);
                    afterQuote = false;
                } else if (ch == '\r') {
                    in.mark(1);
                    if (in.read() != '\n') {
                        in.reset();
                    }
                    line++;
                    fields.add(field.toString());
                    return fields;
                } else if (ch == '\n') {
                    line++;
                    fields.add(field.toString());
                    return fields;
                } else if (ch == '"' && field.isEmpty() && !afterQuote) {
                    quoted = true;
                } else if (afterQuote) {
                    throw new MalformedCsv(line, "text after a closing quote");
                } else {
                    field.append(ch);
                }
                c = in.read();
            }
        }
    }
}
