package vn.chungtay.infrastructure.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * The NUL character (U+0000) is no text a person types, and PostgreSQL cannot store it in a text
 * column: left in, a form field or JSON string holding one made every insert fail with a server
 * error. It is dropped from request parameters (forms, queries) and from JSON strings before any
 * controller sees them.
 */
@Configuration(proxyBeanMethods = false)
class NulCharacters {

    static String strip(String value) {
        return value == null || value.indexOf('\0') < 0 ? value : value.replace("\0", "");
    }

    @Bean
    JsonMapperBuilderCustomizer nulFreeJsonStrings() {
        SimpleModule module = new SimpleModule("nul-free-strings");
        module.addDeserializer(String.class, new StringDeserializer() {
            @Override
            public String deserialize(JsonParser parser, DeserializationContext context) {
                return strip(super.deserialize(parser, context));
            }
        });
        return builder -> builder.addModule(module);
    }

    @Bean
    NulFreeParameters nulFreeParameters() {
        return new NulFreeParameters();
    }

    /** Wraps every request so that its parameters come without NUL characters. */
    static class NulFreeParameters extends OncePerRequestFilter implements Ordered {

        /** Early: before Spring Security reads the sign-in form. */
        @Override
        public int getOrder() {
            return Ordered.HIGHEST_PRECEDENCE + 10;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            chain.doFilter(new Wrapped(request), response);
        }
    }

    private static final class Wrapped extends HttpServletRequestWrapper {

        Wrapped(HttpServletRequest request) {
            super(request);
        }

        @Override
        public String getParameter(String name) {
            return NulCharacters.strip(super.getParameter(name));
        }

        @Override
        public String[] getParameterValues(String name) {
            return strip(super.getParameterValues(name));
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            Map<String, String[]> original = super.getParameterMap();
            Map<String, String[]> cleaned = new LinkedHashMap<>();
            original.forEach((name, values) -> cleaned.put(NulCharacters.strip(name), strip(values)));
            return Collections.unmodifiableMap(cleaned);
        }

        private static String[] strip(String[] values) {
            if (values == null) {
                return null;
            }
            String[] cleaned = new String[values.length];
            for (int i = 0; i < values.length; i++) {
                cleaned[i] = NulCharacters.strip(values[i]);
            }
            return cleaned;
        }
    }
}
