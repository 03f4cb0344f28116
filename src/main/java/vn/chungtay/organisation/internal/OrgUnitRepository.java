package vn.chungtay.organisation.internal;

import java.time.LocalDate;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface OrgUnitRepository extends JpaRepository<OrgUnit, Long> {

    @Query("""
            select u from OrgUnit u where u.code = :code
              and (u.validFrom is null or u.validFrom <= :date)
              and (u.validTo is null or u.validTo >= :date)""")
    Optional<OrgUnit> findValidOn(@Param("code") String code, @Param("date") LocalDate date);
}
