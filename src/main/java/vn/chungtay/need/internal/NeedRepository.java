package vn.chungtay.need.internal;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface NeedRepository extends JpaRepository<Need, Long>, LockingNeeds {

    List<Need> findByCommuneCodeAndYear(String communeCode, int year);

    List<Need> findByChildId(Long childId);
}
