-- The synthetic country, step 0: helper functions, word lists and the weights of provinces and
-- communes. Expects gen.params (seed, scale, provinces, asof) written by bench/country.sh (or the
-- test). Plain SQL (no psql meta-commands), so the test can run every file through JDBC.
--
-- Pseudo-randomness is a hash of the seed, a tag and a row key (gen.u), never random(): the same
-- seed and scale give the same rows, in any order of execution.

create extension if not exists unaccent;

-- u in [0, 1) from the seed, a tag and a key
do $$
declare
    s text := (select seed from gen.params);
begin
    execute format($f$
        create function gen.u(tag text, k bigint) returns float8 language sql immutable parallel safe as
        $b$ select (hashtext(%L || ':' || tag || ':' || k)::bigint + 2147483648) / 4294967296.0 $b$ $f$, s);
    execute format($f$
        create function gen.ut(tag text, k text) returns float8 language sql immutable parallel safe as
        $b$ select (hashtext(%L || ':' || tag || ':' || k)::bigint + 2147483648) / 4294967296.0 $b$ $f$, s);
end
$$;

-- an element of an array, chosen by u in [0, 1)
create function gen.pick(arr text[], u float8) returns text language sql immutable parallel safe as
$$ select arr[1 + least(cardinality(arr) - 1, floor(u * cardinality(arr))::int)] $$;

-- an array where each value appears as often as its weight: weighted picks by gen.pick
create function gen.weighted(vals text[], weights int[]) returns text[] language sql immutable as
$$ select array_agg(v order by i, n) from unnest(vals, weights) with ordinality as t(v, w, i), generate_series(1, w) n $$;

-- the app's VietnameseText.fold: no diacritics, đ as d, lower case, apostrophes dropped, anything
-- but letters and digits as single spaces
create function gen.fold(t text) returns text language sql stable parallel safe as
$$ select btrim(regexp_replace(lower(unaccent(translate(coalesce(t, ''), '''’‘`´', ''))), '[^a-z0-9]+', ' ', 'g')) $$;

-- a netstring of the ledger hash (docs/ledger-hashing.md): UTF-8 byte length, colon, text, comma
create function gen.ns(t text) returns text language sql immutable parallel safe as
$$ select octet_length(coalesce(t, '')) || ':' || coalesce(t, '') || ',' $$;

-- an amount of money rounded to whole thousands of đồng
create function gen.k(v float8) returns bigint language sql immutable parallel safe as
$$ select greatest(1000, (round(v / 1000) * 1000))::bigint $$;

-- a timestamp on a day at an hour in Vietnam
create function gen.at(d date, hour float8) returns timestamptz language sql immutable parallel safe as
$$ select (d::timestamp + make_interval(secs => hour * 3600)) at time zone 'Asia/Ho_Chi_Minh' $$;

-- ------------------------------------------------------------------ names
create table gen.words (kind text primary key, w text[]);
insert into gen.words values
 -- Kinh surnames with their frequencies (per mille; Nguyễn about 38 %)
 ('surname', gen.weighted(
    array['Nguyễn','Trần','Lê','Phạm','Hoàng','Huỳnh','Phan','Vũ','Võ','Đặng','Bùi','Đỗ','Hồ','Ngô','Dương','Lý',
          'Đinh','Trương','Lâm','Mai','Đoàn','Trịnh','Cao','Lương','Tạ','Hà','Vương','Châu','Tô','Quách'],
    array[76,22,19,14,6,4,9,4,3,4,4,3,3,3,2,1,2,2,1,1,1,1,1,1,1,1,1,1,1,1])),
 ('middle_m', array['Văn','Văn','Văn','Đức','Minh','Quốc','Hữu','Thành','Gia','Anh','Hoàng','Xuân','Công','Trung','Bảo','Đình']),
 ('middle_f', array['Thị','Thị','Thị','Ngọc','Thu','Thanh','Minh','Khánh','Bảo','Thùy','Phương','Mai','Kim','Hồng','Diệu','Yến']),
 ('given_m', array['An','Bảo','Bình','Cường','Dũng','Duy','Đạt','Định','Đức','Hải','Hiếu','Hoàng','Huy','Hùng','Khang',
                   'Khải','Khoa','Khôi','Kiên','Lâm','Long','Lộc','Minh','Nam','Nghĩa','Nhân','Phát','Phong','Phúc',
                   'Quang','Quân','Sơn','Tài','Thắng','Thành','Thiện','Thịnh','Toàn','Trí','Trung','Tuấn','Việt','Vinh','Vũ']),
 ('given_f', array['An','Anh','Ánh','Châu','Chi','Diệp','Dung','Giang','Hà','Hân','Hạnh','Hiền','Hoa','Hồng','Huyền',
                   'Hương','Lan','Linh','Loan','Mai','My','Nga','Ngân','Ngọc','Nhi','Nhung','Oanh','Phương','Quỳnh',
                   'Tâm','Thảo','Thư','Thủy','Trang','Trâm','Trinh','Tú','Uyên','Vân','Vy','Xuân','Yến']),
 -- Tày, Nùng
 ('tay_surname', array['Hoàng','Nông','Lương','Ma','Bế','Đàm','Hà','Vi','Lộc','Lục','Triệu','Nông','Hoàng','Lâm']),
 ('nung_surname', array['Hoàng','Nông','Lý','Vi','Lăng','Mã','Chu','Lương','Lục','Hứa']),
 -- Thái
 ('thai_surname', array['Lò','Lường','Cầm','Quàng','Tòng','Vi','Hà','Lự','Sầm','Lò','Lường']),
 ('thai_given_m', array['Xôm','Pánh','Khăm','Chiên','Bun','Inh','Phanh','Ỏn','Thoong','Hặc','Dũng','Lả']),
 ('thai_given_f', array['Ơn','Thoa','Sương','Tiên','Ánh','Phương','Ỉn','Hom','Xuân','Lả','Biên','Hoa']),
 -- Mường
 ('muong_surname', array['Bùi','Đinh','Quách','Hà','Xa','Cao','Bạch','Đinh','Bùi']),
 -- H'Mông: Giàng A Páo, Vàng Seo Chứ, Sùng Thị Mỷ
 ('mong_surname', array['Giàng','Sùng','Vàng','Lý','Thào','Hầu','Mùa','Má','Lầu','Chảo','Hờ','Lù','Giàng','Vàng']),
 ('mong_middle_m', array['A','A','Seo','Mí','Chứ','Súa']),
 ('mong_given_m', array['Páo','Chứ','Sính','Dế','Lử','Pó','Chá','Tráng','Chò','Dơ','Sử','Của','Phử','Vừ']),
 ('mong_given_f', array['Mỷ','Dợ','Sủa','Mai','Say','Súa','Dua','Pà','Chở','Mảy','Xí','Sua']),
 -- Dao: Triệu Tài Vần, Bàn Thị Mẩy
 ('dao_surname', array['Triệu','Bàn','Đặng','Lý','Phùn','Chảo','Tẩn','Triệu','Bàn']),
 ('dao_middle_m', array['Tài','Văn','Kim','Phúc','Văn']),
 ('dao_given_m', array['Vần','Chiêu','Phin','Quẩy','Sành','Lở','Chòi','Dủn','Phủ','Nhất']),
 ('dao_given_f', array['Mẩy','Mùi','Mẩy','Chiêu','Nái','Dín','Lai','Xuân','Thìn']),
 -- Ê Đê: Y Bih Niê (men), H'Linh Mlô (women): given name first, clan last
 ('ede_clan', array['Niê','Mlô','Êban','Ksor','Byă','Ktla','Adrơng','Hdơk','Buôn Yă','Êya','Knul','Hwing','Kbuôr','Niê Kdăm']),
 ('ede_given_m', array['Bih','Khoa','Jut','Nhuôn','Sơn','Thuột','Blô','Ngông','Phu','Krông','Lang','Tlam','Hai','Djhang']),
 ('ede_given_f', array['Linh','Bia','Luyến','Nga','Hen','Bliên','Juel','Loan','Nhi','Wen','Dung','Năk','Yơn','Lai']),
 -- Gia Rai: Ksor H'Ly, Rơ Mah Tin
 ('jrai_clan', array['Ksor','Siu','Rơ Châm','Nay','Rơ Mah','Kpă','Puih','Rah Lan','Rơ Lan','Siu']),
 ('jrai_given_m', array['Tin','Thuyên','Blơi','Dơk','Hyơk','Nhơn','Phôi','Yung','Đin','Jen']),
 ('jrai_given_f', array['H''Ly','H''Mai','H''Nga','H''Bla','H''Yen','H''Nhung','H''Lan','H''Drim']),
 -- Ba Na: A Thương (men), Y Blưu (women); Mnông: Điểu Xiêm, Thị Hoa; Cơ Ho: K'Brơi, Ka Huyên
 ('bana_given', array['Thương','Blưu','Thút','Nhi','Đel','Hyơk','Kring','Sơn','Pơng','Nhơm','Bơ','Ngơn']),
 ('mnong_given', array['Xiêm','Srai','Rơ','Điêu','Hoa','Lin','Brông','Ngân','K''Lơi','Blang','Nhiên','Dũng']),
 ('coho_given', array['Brơi','Huyên','Sớp','Brêl','Tơ Nơng','Liêng','Hơ Ba','Điệp','Srong','Kră']),
 -- Khơ-me: Thạch Thị Sa Rươl, Danh Sóc, Chau Sóc Khonl
 ('khmer_surname', array['Thạch','Sơn','Danh','Kim','Lâm','Chau','Thạch','Sơn','Danh','Lý']),
 ('khmer_given_m', array['Sóc','Pha','Ra','Sơ Phone','Đa Ra','Chanh Na','Kha','Sóc Khonl','Sa Rin','Vi Chết']),
 ('khmer_given_f', array['Sa Rươl','Sô Phi','Thị Kim Hương','Thị Sa Vết','Thị Ngọc Diệp','Thị Sà Lây','Thị Phol','Thị Sóc Mây']),
 -- Hoa
 ('hoa_surname', array['Lâm','Trương','Quách','Hứa','Lý','Mạc','Tăng','Lưu','Diệp','Khưu']),
 -- village names of ethnic areas
 ('buon', array['Trum','Buôr','Nui','Ea Mang','Ea Pô','Ea Tung','Ko Tam','Kram','Cuôr Đăng','Ea Kmar','Ea Bông',
                'Tơng Jú','Ea Knuếch','Kmrơng','Adrơng','Ea Sar','Krông','Đrao','Jang Pông','Ea Wer','Hra','Ea Ktur',
                'Triết','Ea Na','Tuôr','Dhăm','Ea Tiêu','Knia','Ea Yông','Tlăn','Ea Drông','Mblang','Ea Chai','Ea Đăh',
                'Ea Rớt','Ea Mdróh','Ea Ngai','Kdun']),
 ('ban', array['Phiêng','Mòn','Nà Hẩu','Pá Khoang','Nậm Nhừ','Huổi Só','Lả','Co Mạ','Pắc Ma','Nà Tấu','Sín Chải',
               'Lao Chải','Tả Phìn','Hồ Thầu','Na Hang','Bó Mạ','Nà Sản','Phìn Hồ','Xá Nhè','Mường Hoa','Cát Cát',
               'Lùng Phình','Nậm Chảy','Khau Vai','Lũng Cú','Pả Vi','Sảng Tủng','Ma Lé','Thài Phìn Tủng','Nậm Ban',
               'Huổi Lếch','Phìn Ngan','Tả Van','Sà Phìn','Bản Hồ','Mù Sang','Nà Phặc','Cốc Pài']),
 ('ap', array['Tân Lập','Tân Thành','Phước Hòa','Bình Hòa','Hòa Bình','Mỹ Lợi','Thạnh Lợi','Phú Hòa','An Phú','Long Thạnh',
              'Sóc Xoài','Sóc Ven','Prey Chóp','Trà Sết','Bưng Tróp','Ô Chum','Kinh Xáng','Cây Gòn','Rạch Giá','Vĩnh Lợi',
              'Đông Hòa','Tây Hòa','Hậu Thạnh','Ba Se','Cầu Đình','Giồng Me','Trà Cú','Ninh Thới','Tân Hiệp','Bà Mi',
              'Phú Lợi','Lợi Hòa','Tân Quy','Mỹ Phước','Mỹ Thuận','Thạnh Phú']);

-- ------------------------------------------------------------------ provinces and communes, weighted
-- Which ethnic groups live in a province, with weights; provinces not listed: Kinh, a few Hoa.
create table gen.ethnic_mix (province text, code text, w int);
insert into gen.ethnic_mix values
 ('04','02',40),('04','07',30),('04','08',10),('04','09',10),('04','01',10),
 ('08','02',25),('08','08',25),('08','09',15),('08','01',25),('08','07',10),
 ('11','03',40),('11','08',35),('11','01',25),
 ('12','08',40),('12','03',30),('12','09',15),('12','01',15),
 ('14','03',55),('14','08',20),('14','01',15),('14','06',10),
 ('15','08',25),('15','02',15),('15','09',15),('15','01',45),
 ('19','01',60),('19','02',20),('19','07',10),('19','09',10),
 ('20','07',40),('20','02',35),('20','01',17),('20','09',8),
 ('25','01',60),('25','06',35),('25','09',5),
 ('38','01',80),('38','06',10),('38','03',10),
 ('40','01',80),('40','03',15),('40','08',5),
 ('51','01',55),('51','13',25),('51','19',20),
 ('52','01',50),('52','10',35),('52','13',15),
 ('66','01',60),('66','12',25),('66','10',5),('66','20',5),('66','07',5),
 ('68','01',55),('68','16',15),('68','20',10),('68','12',15),('68','08',5),
 ('91','01',85),('91','05',13),('91','17',2),
 ('86','01',80),('86','05',20),
 ('92','01',85),('92','05',15),
 ('96','01',95),('96','05',5),
 ('79','01',93),('79','04',7);

-- the order in which provinces hold data (the programme serves the mountains first), Zipf-weighted
create table gen.province as
with preferred(code, r) as (
    select * from unnest(array['66','52','14','40','38','68','15','08','11','12','04','51','20','25','19'])
        with ordinality),
ranked as (
    select u.code, u.name, u.full_name,
           row_number() over (order by p.r nulls last, gen.ut('province', u.code)) as rank
    from org_unit u left join preferred p on p.code = u.code
    where u.level = 1 and u.valid_to is null
      and ((select provinces from gen.params) is null or u.code = any(((select provinces from gen.params))::text[]))
)
select code, name, full_name, rank, 1.0 / power(rank, 1.1) as w,
       exists (select 1 from gen.ethnic_mix m where m.province = ranked.code and m.code <> '01' and m.w >= 15) as highland,
       coalesce((select gen.weighted(array_agg(m.code order by m.code), array_agg(m.w order by m.code))
                 from gen.ethnic_mix m where m.province = ranked.code),
                gen.weighted(array['01','04'], array[99,1])) as ethnic
from ranked;

-- communes of today in those provinces; within a province, Zipf over a hashed order (exponent 0.5)
create table gen.commune as
with c as (
    select u.code, u.name, u.full_name, u.unit_type, u.level, p.code as province, p.w as pw, p.highland, p.ethnic,
           row_number() over (partition by p.code order by gen.ut('commune', u.code)) as rank
    from org_unit u join gen.province p on p.code = u.parent_code
    where u.valid_to is null and u.unit_type in ('Xã', 'Phường', 'Đặc khu', 'Thị trấn')
), w as (
    select c.*, pw * (1.0 / sqrt(rank)) / sum(1.0 / sqrt(rank)) over (partition by province) as w0 from c
)
select row_number() over (order by code) as idx, code, name, full_name, unit_type, level, province, highland, ethnic,
       w0 / sum(w0) over () as w,
       -- villages: about 20 a commune at full scale, at least 3
       greatest(3, round((8 + floor(gen.ut('villages', code) * 25)) * least(1.0, (select scale from gen.params) * 10)))::int
           as villages,
       exists (select 1 from org_unit v where v.parent_code = w.code and v.valid_to is null) as has_villages
from w;
create unique index on gen.commune (code);

-- how many rows of a kind a commune gets: n x weight, rounded, deterministic
create function gen.share(total float8, w float8) returns int language sql immutable parallel safe as
$$ select round(total * w)::int $$;
