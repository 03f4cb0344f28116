package vn.chungtay.identity.internal;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.DefaultAuthenticationEventPublisher;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.authorization.AuthenticatedAuthorizationManager;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationManagers;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import vn.chungtay.identity.IdentityManagement;

/**
 * Two filter chains. {@code /api/**}: HTTP Basic, personal access tokens or the browser session,
 * 401/403 as JSON, CSRF only for cookie-authenticated calls. Everything else: form sign-in at
 * {@code /login}, logout by POST, public pages open, the rest for signed-in people.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

    static final String[] PUBLIC_PATHS = {
        "/",
        "/public/**",
        "/login",
        "/error",
        "/webjars/**",
        "/css/**",
        "/js/**",
        "/favicon.ico",
        "/actuator/health/**",
        "/v3/api-docs/**",
        "/swagger-ui/**",
        "/swagger-ui.html"
    };

    /**
     * No inline scripts, no framing, nothing loaded from elsewhere; inline {@code style}
     * attributes stay allowed (Bootstrap progress bars, htmx indicators).
     */
    static final String CONTENT_SECURITY_POLICY =
            "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline';"
                    + " img-src 'self' data: blob:; font-src 'self'; connect-src 'self'; object-src 'none';"
                    + " base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    static void secureHeaders(HttpSecurity http) throws Exception {
        http.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                .referrerPolicy(referrer ->
                        referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                .frameOptions(frame -> frame.deny())
                .contentTypeOptions(org.springframework.security.config.Customizer.withDefaults())
                .permissionsPolicyHeader(
                        permissions -> permissions.policy("camera=(self), geolocation=(), microphone=()")));
    }

    /** What a donor may open besides the public pages: their own gifts, their profile, signing out. */
    static final String[] DONOR_PATHS = {"/my/**", "/profile/**", "/logout", "/api/v1/me", "/api/v1/my/**"};

    /**
     * Everything not public and not a donor's own is for officers: signed in and not a DONOR
     * (checked here once, besides each module's own scope checks).
     */
    static AuthorizationManager<RequestAuthorizationContext> officers() {
        return AuthorizationManagers.allOf(
                AuthenticatedAuthorizationManager.authenticated(),
                AuthorizationManagers.not(AuthorityAuthorizationManager.hasRole("DONOR")));
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /** One manager for both chains; it publishes the events that {@link SignInAttempts} counts. */
    @Bean
    AuthenticationManager authenticationManager(
            AccountUserDetailsService userDetails, PasswordEncoder passwordEncoder, ApplicationEventPublisher events) {
        DaoAuthenticationProvider provider = new DaoAuthenticationProvider(userDetails);
        provider.setPasswordEncoder(passwordEncoder);
        ProviderManager manager = new ProviderManager(provider);
        manager.setAuthenticationEventPublisher(new DefaultAuthenticationEventPublisher(events));
        return manager;
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiSecurity(
            HttpSecurity http,
            AuthenticationManager authenticationManager,
            IdentityManagement identity,
            ApiAuthenticationEntryPoint apiErrors)
            throws Exception {
        secureHeaders(http);
        return http.securityMatcher("/api/**")
                .authenticationManager(authenticationManager)
                .authorizeHttpRequests(requests -> requests.requestMatchers(DONOR_PATHS)
                        .authenticated()
                        .anyRequest()
                        .access(officers()))
                .httpBasic(basic -> basic.realmName("ChungTay").authenticationEntryPoint(apiErrors))
                .addFilterBefore(
                        new BearerTokenAuthenticationFilter(identity, apiErrors), BasicAuthenticationFilter.class)
                .csrf(csrf ->
                        csrf.ignoringRequestMatchers(request -> request.getHeader(HttpHeaders.AUTHORIZATION) != null))
                .exceptionHandling(
                        errors -> errors.authenticationEntryPoint(apiErrors).accessDeniedHandler(apiErrors))
                .requestCache(cache -> cache.disable())
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain webSecurity(
            HttpSecurity http, AuthenticationManager authenticationManager, LoginFailureHandler loginFailures)
            throws Exception {
        secureHeaders(http);
        return http.authenticationManager(authenticationManager)
                .authorizeHttpRequests(requests -> requests.requestMatchers(PUBLIC_PATHS)
                        .permitAll()
                        .requestMatchers(DONOR_PATHS)
                        .authenticated()
                        .anyRequest()
                        .access(officers()))
                .formLogin(form -> form.loginPage("/login")
                        .defaultSuccessUrl("/", false)
                        .failureHandler(loginFailures)
                        .permitAll())
                .logout(logout -> logout.logoutUrl("/logout")
                        .logoutSuccessUrl("/login?logout")
                        .permitAll())
                .build();
    }
}
