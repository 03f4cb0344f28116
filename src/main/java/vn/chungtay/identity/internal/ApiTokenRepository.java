package vn.chungtay.identity.internal;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface ApiTokenRepository extends JpaRepository<ApiToken, Long> {

    @Query("select t from ApiToken t where t.tokenHash = ?1 and t.revokedAt is null")
    Optional<ApiToken> findActiveByHash(String tokenHash);

    @Query("select t from ApiToken t where t.userId = ?1 order by t.createdAt desc, t.id desc")
    List<ApiToken> findByUser(long userId);
}
