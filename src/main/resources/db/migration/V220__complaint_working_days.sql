-- Complaint deadlines in working days (issue 16, branch enforce). Owned by complaint: the columns below and the table
-- work_calendar (public holidays and make-up working days, 调休), kept as data and edited by an administrator.

-- Each rule says how its days count: 'working' (工作日: not Saturdays, Sundays or the public holidays of work_calendar;
-- a make-up working day of work_calendar counts) or 'calendar' (自然日), with the basis of that choice.
ALTER TABLE complaint_deadline_rule
    ADD COLUMN counting varchar(8) NOT NULL DEFAULT 'calendar' CHECK (counting IN ('calendar','working')),
    ADD COLUMN counting_basis text;

UPDATE complaint_deadline_rule SET counting = 'working',
    counting_basis = '受理审查是短期限，按工作日计算（不含法定节假日）。参照《中华人民共和国行政处罚法》第八十五条：'
        || '“本法中“二日”“三日”“五日”“七日”的规定是指工作日，不含法定节假日。”本条是对行政处罚法期间的规定，'
        || '用于举报受理是本局的类推做法；本省文化市场举报办理规定另有规定的，以其为准（待法制科室确认）。',
    note = note || ' 按工作日计：收到之日不计入，期限至最后一个工作日24时止；节假日以 work_calendar 为准。'
  WHERE code = 'COMPLAINT_ACCEPT_DEADLINE';
UPDATE complaint_deadline_rule SET counting = 'calendar',
    counting_basis = '15日、30日为较长期限，按自然日计算（收到之后的时刻起算，节假日不扣除）；'
        || '是否按工作日计算以本省文化市场举报办理规定为准（待法制科室确认）。'
  WHERE code IN ('COMPLAINT_VERIFY_DEADLINE', 'COMPLAINT_REPLY_DEADLINE');
ALTER TABLE complaint_deadline_rule ALTER COLUMN counting_basis SET NOT NULL;

-- The working-day calendar: a day listed as 'holiday' is no working day even on a weekday; a day listed as 'workday'
-- (调休上班) is one even on a weekend; every other Saturday and Sunday is a rest day.
CREATE TABLE work_calendar (
    day         date PRIMARY KEY CHECK (day BETWEEN DATE '2000-01-01' AND DATE '2100-12-31'),
    kind        varchar(8) NOT NULL CHECK (kind IN ('holiday','workday')),
    name        varchar(100) NOT NULL,
    basis       varchar(500) NOT NULL,
    updated_by  varchar(100) NOT NULL DEFAULT 'migration',
    updated_at  timestamptz NOT NULL DEFAULT now()
);

-- Seeded: only the fixed-date public holidays of 《全国年节及纪念日放假办法》(2024年修订, 自2025年1月1日起施行) 第二条
-- that fall on the same date every year: 元旦 1月1日; 劳动节 5月1日、2日; 国庆节 10月1日、2日、3日. NOT seeded: the
-- lunar holidays (春节, 清明节, 端午节, 中秋节) and the 放假调休 days of the State Council's yearly notice
-- (国务院办公厅关于部分节假日安排的通知): we are not certain of the 2026 and 2027 notices' dates, so an administrator enters
-- them from the published notice (PUT /api/complaints/calendar/{day}); until then those days count as working days.
INSERT INTO work_calendar (day, kind, name, basis)
SELECT make_date(y, m, d), 'holiday', n, '《全国年节及纪念日放假办法》第二条（固定日期的全体公民放假节日）'
FROM generate_series(2025, 2027) AS y,
     (VALUES (1, 1, '元旦'), (5, 1, '劳动节'), (5, 2, '劳动节'), (10, 1, '国庆节'), (10, 2, '国庆节'), (10, 3, '国庆节'))
       AS f(m, d, n);
