package vn.chungtay.identity.internal;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface UserAccountRepository extends JpaRepository<UserAccount, Long> {

    @Query("select u from UserAccount u where lower(u.username) = lower(?1)")
    Optional<UserAccount> findByUsername(String username);

    /** Serialises the creation of one username until the end of the transaction. */
    @Query(value = "select 1 from (select pg_advisory_xact_lock(hashtext('user:' || lower(?1)))) l", nativeQuery = true)
    Integer lockUsername(String username);

    @Query("select u from UserAccount u order by u.username")
    List<UserAccount> findAllOrderedByUsername();
}
