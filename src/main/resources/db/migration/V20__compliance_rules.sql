-- Compliance rules as data: which venue category may not be within which distance (metres, on the WGS-84 spheroid,
-- measured from the campus boundary) of which school levels, where (jurisdiction) and when (effective dates).
-- jurisdiction: 'national', or an adcode (370000 = Shandong, 370700 = Weifang) whose rules override the less specific
-- ones for venues whose district_code starts with its prefix (trailing 00 pairs removed). distance_m NULL marks a
-- documented rule without a measurable distance (shown by site-check as a note, never a verdict).
-- effective_from is the first day the rule applies, effective_to the first day it no longer does (NULL = open).
CREATE TABLE compliance_rule (
    id               bigserial PRIMARY KEY,
    code             varchar(64) NOT NULL UNIQUE CHECK (code ~ '^[A-Z][A-Z0-9_]*$'),
    venue_category   varchar(32) NOT NULL,
    school_levels    varchar(16)[] NOT NULL CHECK (cardinality(school_levels) > 0),
    distance_m       double precision CHECK (distance_m IS NULL OR (distance_m > 0 AND distance_m <= 5000)),
    jurisdiction     varchar(12) NOT NULL DEFAULT 'national'
                     CHECK (jurisdiction = 'national' OR jurisdiction ~ '^[1-9][0-9]{5}$'),
    jurisdiction_prefix varchar(12) GENERATED ALWAYS AS (
                     CASE WHEN jurisdiction = 'national' THEN '' ELSE regexp_replace(jurisdiction, '(00)+$', '') END) STORED,
    legal_basis      text NOT NULL,
    interpretation   text,
    note             text,
    effective_from   date,
    effective_to     date,
    version          integer NOT NULL DEFAULT 0,
    updated_by       varchar(64) NOT NULL DEFAULT 'flyway',
    created_at       timestamptz NOT NULL DEFAULT now(),
    updated_at       timestamptz NOT NULL DEFAULT now(),
    CHECK (effective_to IS NULL OR effective_from IS NULL OR effective_to > effective_from)
);
CREATE INDEX compliance_rule_category_idx ON compliance_rule (venue_category);

INSERT INTO compliance_rule (code, venue_category, school_levels, distance_m, jurisdiction, legal_basis, interpretation,
                             note, effective_from) VALUES
('ICAFE_SCHOOL_200M', 'internet_cafe', '{primary,junior,senior,nine_year,twelve_year}', 200, 'national',
 '《互联网上网服务营业场所管理条例》第九条：中学、小学校园周围200米范围内和居民住宅楼（院）内不得设立互联网上网服务营业场所。',
 '文市函[2003]560号：200米是指从中学、小学校园围墙或校园边界的任何一点向外延伸200米直线距离的范围（自校园边界量起，不是校门，不是步行距离）；“中学、小学”包括所有对未成年人实施初等、中等教育的学校。',
 NULL, DATE '2002-11-15'),
('SONG_DANCE_SCHOOL_SHANDONG_200M', 'song_dance', '{kindergarten,primary,junior,senior,nine_year,twelve_year}', 200, '370000',
 '《娱乐场所管理条例》第七条：娱乐场所不得设在下列地点：……（二）居民住宅区和学校、医院、机关周围；……',
 NULL,
 '第七条未规定具体距离，由各省、自治区、直辖市确定；此处按山东省常用的200米配置，其他省份由管理员按本省规定添加规则。',
 NULL),
('GAME_ARCADE_SCHOOL_SHANDONG_200M', 'game_arcade', '{kindergarten,primary,junior,senior,nine_year,twelve_year}', 200, '370000',
 '《娱乐场所管理条例》第七条：娱乐场所不得设在下列地点：……（二）居民住宅区和学校、医院、机关周围；……',
 NULL,
 '第七条未规定具体距离，由各省、自治区、直辖市确定；此处按山东省常用的200米配置，其他省份由管理员按本省规定添加规则。',
 NULL),
-- 《未成年人保护法》第五十八条 sets no distance: kept as documented notes (distance_m NULL) so that a site check outside a
-- province with its own rule still tells the licensing officer that the law applies and the province sets the distance.
('MINORS_ENTERTAINMENT_NEAR_SCHOOL', 'song_dance', '{kindergarten,primary,junior,senior,nine_year,twelve_year}', NULL, 'national',
 '《中华人民共和国未成年人保护法》第五十八条：学校、幼儿园周边不得设置营业性娱乐场所、酒吧、互联网上网服务营业场所等不适宜未成年人活动的场所。',
 NULL, '法律未规定距离；以本省规定的距离为准（无本省规则时须人工核查）。', DATE '2021-06-01'),
('MINORS_ARCADE_NEAR_SCHOOL', 'game_arcade', '{kindergarten,primary,junior,senior,nine_year,twelve_year}', NULL, 'national',
 '《中华人民共和国未成年人保护法》第五十八条：学校、幼儿园周边不得设置营业性娱乐场所、酒吧、互联网上网服务营业场所等不适宜未成年人活动的场所。',
 NULL, '法律未规定距离；以本省规定的距离为准（无本省规则时须人工核查）。', DATE '2021-06-01'),
('MINORS_ICAFE_NEAR_KINDERGARTEN', 'internet_cafe', '{kindergarten}', NULL, 'national',
 '《中华人民共和国未成年人保护法》第五十八条：学校、幼儿园周边不得设置营业性娱乐场所、酒吧、互联网上网服务营业场所等不适宜未成年人活动的场所。',
 NULL, '《互联网上网服务营业场所管理条例》第九条的200米只针对中学、小学；幼儿园周边没有法定距离，须人工核查。', DATE '2021-06-01');
