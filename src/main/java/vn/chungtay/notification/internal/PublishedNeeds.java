package vn.chungtay.notification.internal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import vn.chungtay.need.NeedPublished;

/** Remembers each published need (id, commune, category) for the digests; the need tables stay the need module's. */
@Component
class PublishedNeeds {

    private final JdbcClient jdbc;

    PublishedNeeds(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @ApplicationModuleListener
    public void on(NeedPublished published) {
        Object category = published.after().get("category");
        jdbc.sql("""
                        insert into published_need (need_id, commune_code, category_code)
                        values (:need, :commune, :category) on conflict (need_id) do nothing""")
                .param("need", published.needId().value())
                .param("commune", published.communeCode())
                .param("category", category == null ? null : category.toString())
                .update();
    }
}
