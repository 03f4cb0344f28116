package vn.chungtay.need.internal;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface PlanRepository extends JpaRepository<Plan, Long> {

    Optional<Plan> findByCommuneCodeAndYear(String communeCode, int year);
}
