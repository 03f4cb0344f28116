package vn.chungtay.publicportal.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import vn.chungtay.need.PublicNeed;

/** One page of public needs grouped province → commune → village (commune-level needs first). */
record NeedGroups(List<Province> provinces) {

    record Province(String code, String name, List<Commune> communes) {}

    record Commune(String code, String name, List<Place> places) {}

    /** A village, or the commune itself ({@code villageName} null) for needs shown at commune level. */
    record Place(String villageName, List<PublicNeed> needs) {}

    static NeedGroups of(List<PublicNeed> needs) {
        List<Province> provinces = new ArrayList<>();
        for (PublicNeed need : needs) {
            Province province = provinces.isEmpty() ? null : provinces.get(provinces.size() - 1);
            if (province == null || !province.code().equals(need.provinceCode())) {
                province = new Province(need.provinceCode(), need.provinceName(), new ArrayList<>());
                provinces.add(province);
            }
            List<Commune> communes = province.communes();
            Commune commune = communes.isEmpty() ? null : communes.get(communes.size() - 1);
            if (commune == null || !commune.code().equals(need.communeCode())) {
                commune = new Commune(need.communeCode(), need.communeName(), new ArrayList<>());
                communes.add(commune);
            }
            List<Place> places = commune.places();
            Place place = places.isEmpty() ? null : places.get(places.size() - 1);
            if (place == null || !Objects.equals(place.villageName(), need.villageName())) {
                place = new Place(need.villageName(), new ArrayList<>());
                places.add(place);
            }
            place.needs().add(need);
        }
        return new NeedGroups(provinces);
    }
}
