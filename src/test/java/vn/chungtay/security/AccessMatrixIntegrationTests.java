package vn.chungtay.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import vn.chungtay.IntegrationTest;

/**
 * Every route of the application (read from Spring MVC's own handler mappings, so a new endpoint
 * cannot escape) × every kind of caller × an object inside the commune Xã Cư Jút (24640) — which is
 * OUTSIDE the scope of the officer of Xã Nam Dong (24649). Path variables are filled from the
 * database by {@link #SAMPLES}; a route whose variable has no sample fails the test, so whoever adds
 * an endpoint adds its sample. The statuses of all combinations are written to
 * {@code target/access-matrix.csv}.
 *
 * <p>Rules checked: no 5xx for anyone; anonymous callers reach only public routes (API → 401, pages →
 * redirect to the sign-in page); the outside commune officer never gets an object of Xã Cư Jút
 * (GET → 403/404) nor changes one (writes → 4xx); officers' and administrators' pages refuse a
 * donor, and administration pages refuse a commune officer.
 */
@IntegrationTest
class AccessMatrixIntegrationTests {

    private static final Set<String> PUBLIC_PREFIXES =
            Set.of("/public/", "/login", "/error", "/v3/api-docs", "/swagger-ui");

    /** Routes every signed-in person may use on themselves (not scoped objects). */
    private static final Pattern PERSONAL = Pattern.compile("^(/api/v1)?/(profile|my|logout).*");

    /** Reference data every signed-in person may read (the administrative hierarchy is not private). */
    private static final Pattern REFERENCE = Pattern.compile("^(/api/v1)?/org-units.*");

    /** Administration: a commune officer is refused. */
    private static final Pattern ADMINISTRATION = Pattern.compile("^/(admin/.*|audit|api/v1/audit|users.*)$");

    @Autowired
    MockMvc mvc;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Autowired
    UserDetailsService users;

    @Autowired
    JdbcClient jdbc;

    /**
     * Inside-scope sample values: (route pattern regex, variable) → SQL or a constant. {@code exclusive}
     * samples belong to Xã Cư Jút alone (the outside officer must be refused); shared ones (a province's
     * supervision plan covering both communes) are only checked for server errors and anonymous access.
     */
    private record Sample(
            Pattern route, String variable, boolean exclusive, Function<JdbcClient, Optional<String>> value) {}

    /** A missing row gives an id that exists nowhere (answered 404), so the route is still exercised. */
    private static Sample sql(String route, String variable, String query) {
        return sql(route, variable, true, query);
    }

    private static Sample sql(String route, String variable, boolean exclusive, String query) {
        return new Sample(
                Pattern.compile(route),
                variable,
                exclusive,
                jdbc -> Optional.of(jdbc.sql("select coalesce((" + query + ")::text, '999999999')")
                        .query((rs, row) -> rs.getString(1))
                        .single()));
    }

    private static Sample constant(String route, String variable, String value) {
        return new Sample(Pattern.compile(route), variable, true, jdbc -> Optional.of(value));
    }

    static final List<Sample> SAMPLES = List.of(
            constant(".*", "code", "24640"),
            constant(".*", "communeCode", "24640"),
            sql(".*", "villageCode", "select min(code) from org_unit where code like '24640-%' and valid_to is null"),
            constant(".*", "step", "approve"),
            constant(".*", "what", "proof"),
            constant("^/my/.*", "year", "2026"),
            sql("^/my/gifts/.*", "id", "select min(id) from donation where receiving_unit_code = '24640'"),
            constant("^/admin/backups/.*", "name", "chungtay-20260101T000000Z.zip"),
            sql(".*", "childId", "select min(id) from child where commune_code = '24640'"),
            sql("^(/api/v1)?/children/.*", "id", "select min(id) from child where commune_code = '24640'"),
            sql("^(/api/v1)?/needs/.*", "id", "select min(id) from need where commune_code = '24640'"),
            sql("^(/api/v1)?/plans/.*", "id", "select min(id) from need_plan where commune_code = '24640'"),
            sql("^/users/.*", "id", "select id from user_account where username = 'xa.cujut'"),
            sql("^/profile/tokens/.*", "id", "select max(id) from api_token"),
            // campaigns are public containers (a public page shows each one)
            sql("^(/api/v1)?/campaigns/.*", "id", false, "select min(id) from campaign where unit_code = '24640'"),
            sql("^(/api/v1)?/donors/.*", "id", "select min(id) from donor where registered_unit_code = '24640'"),
            sql("^(/api/v1)?/deliveries/.*", "id", "select min(id) from delivery where commune_code = '24640'"),
            sql(
                    "^(/api/v1)?/deliveries/.*",
                    "fileId",
                    "select min(f.id) from delivery_file f join delivery d on d.id = f.delivery_id"
                            + " where d.commune_code = '24640'"),
            sql(
                    "^(/api/v1)?/outreach/.*",
                    "id",
                    "select min(id) from outreach_activity where commune_code = '24640' and deleted_at is null"),
            sql(
                    "^(/api/v1)?/outreach/.*",
                    "photoId",
                    "select min(p.id) from outreach_photo p join outreach_activity a on a.id = p.activity_id"
                            + " where a.commune_code = '24640'"),
            sql("^(/api/v1)?/supervision/plans/.*", "id", false, "select min(id) from supervision_plan"),
            sql(
                    "^(/api/v1)?/supervision/recommendations/.*",
                    "id",
                    "select min(id) from supervision_recommendation where responsible_commune = '24640'"),
            sql(
                    "^/supervision/recommendations/.*",
                    "followUpId",
                    "select min(f.id) from supervision_follow_up f join supervision_recommendation r"
                            + " on r.id = f.recommendation_id where r.responsible_commune = '24640'"),
            sql("^/public/campaigns/.*", "id", false, "select min(id) from campaign"),
            sql("^(/api/v1)?/reports/.*", "id", "select min(id) from report where unit_code = '24640'"),
            constant("^/reports/.*", "step", "submit"),
            constant("^/api/v1/reports/.*", "code", "need.published"),
            new Sample(Pattern.compile(".*"), "format", false, jdbc -> Optional.of("pdf")),
            sql("^/api/v1/reporting/periods/.*", "id", false, "select min(id) from report_period"),
            new Sample(
                    Pattern.compile("^/api/v1/reporting/templates/.*"),
                    "programme",
                    false,
                    jdbc -> Optional.of("DA588")),
            constant("^/api/v1/reporting/addresses/.*", "unit", "24640"),
            sql(
                    "^/commendations/proposals/.*",
                    "id",
                    "select min(id) from commendation_proposal where unit_code = '24640'"),
            sql(
                    "^/commendations/candidates/.*",
                    "id",
                    "select min(c.id) from commendation_candidate c join commendation_proposal p"
                            + " on p.id = c.proposal_id where p.unit_code = '24640'"),
            sql("^/commendations/rules/.*", "id", false, "select min(id) from commendation_rule"),
            // the ledger of a campaign is public (the public account shows every entry)
            sql(
                    "^(/api/v1)?/ledger/campaigns/.*",
                    "id",
                    false,
                    "select min(id) from campaign where unit_code = '24640'"),
            sql(
                    "^(/api/v1)?/ledger/entries/.*",
                    "id",
                    false,
                    "select min(e.id) from ledger_entry e join campaign c on c.id = e.campaign_id"
                            + " where c.unit_code = '24640'"),
            sql(
                    "^/donations/statements/queue/.*",
                    "id",
                    "select min(id) from statement_line where unit_code = '24640' and status = 'QUEUED'"),
            sql("^(/api/v1)?/donations/.*", "id", "select min(id) from donation where receiving_unit_code = '24640'"),
            sql("^/public/qr/campaigns/.*", "id", false, "select min(id) from campaign where unit_code = '24640'"),
            sql(
                    "^/public/qr/needs/.*",
                    "id",
                    false,
                    "select min(id) from need where commune_code = '24640' and status = 'PUBLISHED'"),
            sql(
                    "^(/api/v1)?/privacy/requests/.*",
                    "id",
                    "select min(id) from privacy_request where commune_code = '24640'"),
            // breaches belong to the province (both demo communes): only checked for errors and anonymous access
            sql("^(/api/v1)?/privacy/breaches/.*", "id", false, "select min(id) from privacy_breach"));

    private record Route(RequestMethod method, String pattern, boolean json) {}

    private record Caller(String name, String username) {}

    private static final List<Caller> CALLERS = List.of(
            new Caller("anonymous", null),
            new Caller("admin", "admin"),
            new Caller("province", "tinh.lamdong"),
            new Caller("commune", "xa.cujut"),
            new Caller("outsider", "xa.namdong"),
            new Caller("supervisor", "giamsat.lamdong"),
            new Caller("donor", "nha.hao.tam"));

    @Test
    void everyRouteAnswersEveryCallerAsTheirScopeAndRoleAllow() throws Exception {
        List<Route> routes = routes();
        Map<String, String> resolvedSamples = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        List<String> violations = new ArrayList<>();
        List<String> rows = new ArrayList<>();
        rows.add("caller,method,route,url,status");
        int combinations = 0;
        for (Route route : routes) {
            Optional<String> url = url(route.pattern(), resolvedSamples, missing);
            if (url.isEmpty()) {
                continue;
            }
            boolean scopedObject = route.pattern().contains("{") && exclusive(route.pattern());
            for (Caller caller : CALLERS) {
                if (caller.username() != null && !exists(caller.username())) {
                    continue;
                }
                boolean write = route.method() != RequestMethod.GET;
                boolean insider = caller.username() != null
                        && !"outsider".equals(caller.name())
                        && !"donor".equals(caller.name());
                if (write && insider) {
                    // insiders' writes are the modules' own tests; here they would change the demo data
                    continue;
                }
                Outcome response = perform(route, url.get(), caller);
                combinations++;
                int status = response.status();
                if (status == 302 && response.refusedWithMessage()) {
                    // a page refused the change and said why on the page it redirected to
                    status = 400;
                }
                rows.add(caller.name() + "," + route.method() + "," + route.pattern() + "," + url.get() + "," + status);
                String where = caller.name() + " " + route.method() + " " + url.get() + " → " + status;
                if (status >= 500) {
                    violations.add(where + " (server error: " + response.failure() + ")");
                }
                boolean isPublic = isPublic(route.pattern());
                if (caller.username() == null && !isPublic) {
                    boolean refused = route.pattern().startsWith("/api/")
                            ? status == 401
                            : status == 401
                                    || status == 403
                                    || (status == 302
                                            && String.valueOf(response.getRedirectedUrl())
                                                    .contains("/login"));
                    if (!refused) {
                        violations.add(where + " (anonymous reached a private route)");
                    }
                }
                if ("outsider".equals(caller.name())
                        && scopedObject
                        && !isPublic
                        && !PERSONAL.matcher(route.pattern()).matches()) {
                    if (!write && !REFERENCE.matcher(route.pattern()).matches() && !(status == 403 || status == 404)) {
                        violations.add(where + " (an object of another commune was shown)");
                    }
                    if (write && !(status >= 400 && status < 500)) {
                        violations.add(where + " (an object of another commune was changed)");
                    }
                }
                if ("outsider".equals(caller.name())
                        && !write
                        && ADMINISTRATION.matcher(route.pattern()).matches()) {
                    if (status != 403 && status != 404) {
                        violations.add(where + " (a commune officer reached administration)");
                    }
                }
                if ("donor".equals(caller.name())
                        && !isPublic
                        && !(write == false
                                && REFERENCE.matcher(route.pattern()).matches())
                        && !PERSONAL.matcher(route.pattern()).matches()
                        && !route.pattern().equals("/")
                        && !route.pattern().equals("/api/v1/me")) {
                    if (status < 400 || status >= 500) {
                        violations.add(where + " (a donor reached an officers' route)");
                    }
                }
            }
        }
        Path report = Path.of(System.getProperty("chungtay.build.dir", "target"), "access-matrix.csv");
        write(report, rows);
        System.out.printf(
                "Access matrix: %d routes, %d combinations tried, report %s%n", routes.size(), combinations, report);
        assertThat(missing)
                .as("routes whose path variables have no sample (add one to SAMPLES)")
                .isEmpty();
        assertThat(violations).as("access rules broken").isEmpty();
        assertThat(combinations).isGreaterThan(routes.size());
    }

    private boolean exists(String username) {
        return jdbc.sql("select count(*) from user_account where username = ?")
                        .param(username)
                        .query(Long.class)
                        .single()
                > 0;
    }

    private static boolean isPublic(String pattern) {
        return pattern.equals("/") || PUBLIC_PREFIXES.stream().anyMatch(pattern::startsWith);
    }

    private record Outcome(int status, String redirectedUrl, boolean refusedWithMessage, String failure) {
        String getRedirectedUrl() {
            return redirectedUrl;
        }
    }

    private Outcome perform(Route route, String url, Caller caller) throws Exception {
        MockHttpServletRequestBuilder builder =
                request(HttpMethod.valueOf(route.method().name()), url);
        if (caller.username() != null) {
            builder.with(user(users.loadUserByUsername(caller.username())));
        }
        if (route.method() != RequestMethod.GET) {
            builder.with(csrf());
            if (route.json()) {
                builder.contentType(MediaType.APPLICATION_JSON).content("{}");
            } else {
                // confirmed, so that a refusal comes from the scope check and not from a missing tick
                builder.contentType(MediaType.APPLICATION_FORM_URLENCODED).param("confirm", "true");
            }
        }
        if (route.pattern().startsWith("/api/")) {
            builder.accept(MediaType.APPLICATION_JSON);
        }
        try {
            MvcResult result = mvc.perform(builder).andReturn();
            return new Outcome(
                    result.getResponse().getStatus(),
                    result.getResponse().getRedirectedUrl(),
                    result.getFlashMap() != null && result.getFlashMap().get("flashError") != null,
                    "");
        } catch (jakarta.servlet.ServletException e) {
            // an exception nobody handled: a real server answers 500
            Throwable root = e;
            while (root.getCause() != null) {
                root = root.getCause();
            }
            return new Outcome(500, null, false, root.toString());
        }
    }

    private List<Route> routes() {
        Set<String> seen = new TreeSet<>();
        List<Route> routes = new ArrayList<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> entry :
                mappings.getHandlerMethods().entrySet()) {
            RequestMappingInfo info = entry.getKey();
            String className = entry.getValue().getBeanType().getName();
            if (!className.startsWith("vn.chungtay")) {
                continue;
            }
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            if (methods.isEmpty()) {
                methods = Set.of(RequestMethod.GET, RequestMethod.POST);
            }
            boolean json = info.getConsumesCondition().getConsumableMediaTypes().stream()
                    .anyMatch(MediaType.APPLICATION_JSON::includes);
            for (String pattern : info.getPatternValues()) {
                for (RequestMethod method : methods) {
                    if (seen.add(method + " " + pattern)) {
                        routes.add(new Route(method, pattern, json));
                    }
                }
            }
        }
        return routes;
    }

    private static boolean exclusive(String pattern) {
        Matcher matcher = VARIABLE.matcher(pattern);
        while (matcher.find()) {
            String variable = matcher.group(1);
            boolean exclusive = SAMPLES.stream()
                    .filter(s -> s.variable().equals(variable)
                            && s.route().matcher(pattern).matches())
                    .reduce((first, second) -> second)
                    .map(Sample::exclusive)
                    .orElse(true);
            if (!exclusive) {
                return false;
            }
        }
        return true;
    }

    private static final Pattern VARIABLE = Pattern.compile("\\{([a-zA-Z]+)(?::[^}]*)?}");

    private Optional<String> url(String pattern, Map<String, String> cache, List<String> missing) {
        Matcher matcher = VARIABLE.matcher(pattern);
        StringBuilder url = new StringBuilder();
        while (matcher.find()) {
            String variable = matcher.group(1);
            String key = pattern + "|" + variable;
            String value = cache.computeIfAbsent(
                    key,
                    k -> SAMPLES.stream()
                            .filter(s -> s.variable().equals(variable)
                                    && s.route().matcher(pattern).matches())
                            .reduce((first, second) -> second)
                            .flatMap(s -> s.value().apply(jdbc))
                            .orElse(""));
            if (value.isEmpty()) {
                missing.add(pattern + " {" + variable + "}");
                return Optional.empty();
            }
            matcher.appendReplacement(url, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(url);
        return Optional.of(url.toString());
    }

    private static void write(Path report, List<String> rows) throws IOException {
        Files.createDirectories(report.getParent());
        Files.write(report, rows);
    }
}
