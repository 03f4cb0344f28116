package vn.chungtay.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;
import vn.chungtay.shared.demo.DemoData;

class DemoDataTests {

    @Test
    void demoDataIsOnForTheEmbeddedDatabase() {
        assertThat(DemoData.enabled(new MockEnvironment().withProperty("chungtay.demo-data", "")))
                .isTrue();
    }

    @Test
    void demoDataIsOffForAnExternalDatabaseUnlessAsked() {
        MockEnvironment external = new MockEnvironment()
                .withProperty("spring.datasource.url", "jdbc:postgresql://db:5432/chungtay")
                .withProperty("chungtay.demo-data", "");
        assertThat(DemoData.enabled(external)).isFalse();
        external.setProperty("chungtay.demo-data", "true");
        assertThat(DemoData.enabled(external)).isTrue();
    }

    @Test
    void demoDataCanBeTurnedOffOnTheEmbeddedDatabase() {
        assertThat(DemoData.enabled(new MockEnvironment().withProperty("chungtay.demo-data", "false")))
                .isFalse();
    }
}
