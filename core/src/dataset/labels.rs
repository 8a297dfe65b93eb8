//! The one table of the file readers: each list of the dataset with its Chinese label (the
//! sheet of a workbook, or the stem of a CSV file), its columns with their Chinese labels
//! (the labels of the paper forms F1–F5 where a field has one) and the kind of each column,
//! and the Chinese labels of every choice. `docs/dataset.md` prints this table, and a test
//! of this module keeps the two equal and checks the table against the record types.

use crate::{Grade, Responsibility};

/// How a cell is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// An id or a reference: text as written.
    Text,
    /// A date.
    Date,
    /// True or false.
    Bool,
    /// A non-negative whole number (minutes, ballots, fen).
    Count,
    /// A year number.
    Year,
    /// Yuan with at most two decimals, written into the column's field in fen.
    Yuan,
    /// One of a fixed set of names.
    Choice(&'static Choices),
    /// A "1234" class (S5): name, digit or label, as the core reads it.
    Responsibility,
    /// A grade of S3.7: name or label, as the core reads it.
    Grade,
}

/// A column of a list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Column {
    /// The field of the record it fills.
    pub field: &'static str,
    /// Its name in a header (the field's name, or `amount_yuan`).
    pub name: &'static str,
    /// Its Chinese label in a header.
    pub label: &'static str,
    /// How its cells are read.
    pub kind: Kind,
    /// Whether every row must give the field.
    pub required: bool,
}

impl Column {
    /// A column accepted only when not strict (a clerk's form of another column).
    pub fn clerk_only(&self) -> bool {
        self.name != self.field
    }
}

/// A list of the dataset as a file or a sheet.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct List {
    /// The name: a key of the JSON, the stem of a CSV file, a sheet name.
    pub name: &'static str,
    /// The Chinese label: a sheet name or the stem of a CSV file.
    pub label: &'static str,
    /// The columns, in the order of the record's fields.
    pub columns: &'static [Column],
}

impl List {
    /// The list of a file stem or sheet name: its name (in any ASCII case) or its Chinese
    /// label, spaces around it ignored.
    pub fn find(name: &str) -> Option<&'static List> {
        let name = name.trim();
        LISTS
            .iter()
            .find(|l| l.name.eq_ignore_ascii_case(name) || l.label == name)
    }

    /// The column of a header cell (already [`header_text`]-normalised): its name, or,
    /// unless `strict`, its Chinese label or a clerk's column.
    pub fn column(&self, header: &str, strict: bool) -> Option<&'static Column> {
        self.columns.iter().find(|c| {
            if strict {
                !c.clerk_only() && c.name == header
            } else {
                c.name.eq_ignore_ascii_case(header) || c.label == header
            }
        })
    }

    /// The columns a header may name, for a message: `id, unit, … (编号、单位、…)`.
    pub fn expected(&self, strict: bool) -> (String, String) {
        let names: Vec<&str> = self
            .columns
            .iter()
            .filter(|c| !strict || !c.clerk_only())
            .map(|c| c.name)
            .collect();
        if strict {
            return (names.join(", "), names.join("、"));
        }
        let labels: Vec<&str> = self.columns.iter().map(|c| c.label).collect();
        (
            format!("{} (or {})", names.join(", "), labels.join(", ")),
            format!("{}（或{}）", names.join("、"), labels.join("、")),
        )
    }
}

/// A header cell as compared with the table: surrounding spaces and a byte-order mark
/// removed, ASCII parentheses made full-width (`金额(元)` is `金额（元）`).
pub(crate) fn header_text(cell: &str) -> String {
    cell.trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}')
        .replace('(', "（")
        .replace(')', "）")
}

/// The names of a choice and the labels accepted for each.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct Choices {
    /// What a value is, for a message (`a level`, `级别`).
    pub what: (&'static str, &'static str),
    /// Each name with its labels, the first label the one forms print.
    pub options: &'static [(&'static str, &'static [&'static str])],
}

impl Choices {
    /// The name of a cell: its name (any ASCII case unless `strict`) or, unless `strict`,
    /// one of its labels.
    pub fn find(&self, cell: &str, strict: bool) -> Option<&'static str> {
        self.options.iter().find_map(|(name, labels)| {
            let by_name = if strict {
                *name == cell
            } else {
                name.eq_ignore_ascii_case(cell)
            };
            (by_name || (!strict && labels.contains(&cell))).then_some(*name)
        })
    }

    /// The accepted forms, for a message.
    pub fn expected(&self, strict: bool) -> (String, String) {
        let names: Vec<&str> = self.options.iter().map(|(n, _)| *n).collect();
        if strict {
            return (names.join(", "), names.join("、"));
        }
        let labels: Vec<&str> = self
            .options
            .iter()
            .flat_map(|(_, l)| l.iter().copied())
            .collect();
        (
            format!("{} or {}", names.join(", "), labels.join(", ")),
            format!("{}，或{}", names.join("、"), labels.join("、")),
        )
    }
}

/// `Level`.
pub(crate) static LEVEL: Choices = Choices {
    what: ("a level", "级别"),
    options: &[
        ("district", &["区"]),
        ("town", &["镇", "街道", "镇（街）"]),
        ("village", &["村"]),
        ("community", &["社区"]),
        ("organisation", &["组织"]),
    ],
};

/// `Role`.
pub(crate) static ROLE: Choices = Choices {
    what: ("a role", "职务"),
    options: &[("secretary", &["书记"]), ("member", &["班子成员", "委员"])],
};

/// `Place` (S1.5).
pub(crate) static PLACE: Choices = Choices {
    what: ("a place", "接待地点"),
    options: &[
        (
            "reception_office",
            &["信访办公室", "信访接待室", "群众接待室"],
        ),
        ("service_centre", &["公共服务中心办公室", "公共服务中心"]),
        ("market", &["逢集赶场"]),
        ("field", &["院坝、田间、地头", "院坝", "田间", "地头"]),
        ("scene", &["现场一线"]),
        ("other", &["其他"]),
    ],
};

/// `EventKind` (S2.4).
pub(crate) static EVENT_KIND: Choices = Choices {
    what: ("an event of S2.4", "五必访事项"),
    options: &[
        ("serious_illness", &["重病卧床"]),
        ("hospital", &["住院治疗"]),
        ("wedding_or_funeral", &["红白喜事"]),
        ("accident", &["意外事故"]),
        ("disaster", &["家庭受灾"]),
    ],
};

/// `CommitmentKind` (S3.2).
pub(crate) static COMMITMENT_KIND: Choices = Choices {
    what: ("a kind of commitment", "承诺类别"),
    options: &[
        ("annual", &["年度", "年度承诺"]),
        ("term", &["任期", "任期承诺"]),
    ],
};

/// `Committee` (S3.1).
pub(crate) static COMMITTEE: Choices = Choices {
    what: ("a committee", "承诺主体"),
    options: &[
        ("party", &["党组织", "村（社区）党组织"]),
        ("villagers", &["村（居）委会", "村委会", "居委会"]),
    ],
};

/// `LinkKind` (S4.2, S4.4, S4.5).
pub(crate) static LINK_KIND: Choices = Choices {
    what: ("a kind of link", "帮扶形式"),
    options: &[
        ("branch_link", &["支部联线"]),
        ("industry_village", &["工农联姻"]),
        ("mass_organisation", &["社团牵手"]),
    ],
};

const fn req(field: &'static str, label: &'static str, kind: Kind) -> Column {
    Column {
        field,
        name: field,
        label,
        kind,
        required: true,
    }
}

const fn opt(field: &'static str, label: &'static str, kind: Kind) -> Column {
    Column {
        field,
        name: field,
        label,
        kind,
        required: false,
    }
}

use Kind::{Bool, Count, Date, Text, Year};

/// Every list the readers know, in the order of
/// [`Dataset::LISTS`](crate::dataset::Dataset::LISTS).
pub(crate) static LISTS: &[List] = &[
    List {
        name: "units",
        label: "单位",
        columns: &[
            req("id", "编号", Text),
            req("level", "级别", Kind::Choice(&LEVEL)),
            opt("parent", "上级单位", Text),
            opt("name", "名称", Text),
        ],
    },
    List {
        name: "people",
        label: "人员",
        columns: &[
            req("id", "编号", Text),
            req("unit", "单位", Text),
            req("role", "职务", Kind::Choice(&ROLE)),
            opt("standing_committee", "区委常委", Bool),
            req("from", "任职起始日期", Date),
            opt("to", "任职终止日期", Date),
        ],
    },
    List {
        name: "households",
        label: "农户",
        columns: &[
            req("id", "编号", Text),
            req("unit", "村（社区）", Text),
            opt("member", "联系班子成员", Text),
            opt("poor", "贫困户", Bool),
            opt("focus", "重点户", Bool),
            opt("away", "有外出人员", Bool),
        ],
    },
    List {
        name: "terms",
        label: "任期",
        columns: &[
            req("unit", "村（社区）", Text),
            req("from", "任期起始日期", Date),
            req("to", "任期终止日期", Date),
        ],
    },
    List {
        name: "receptions",
        label: "接待记录",
        columns: &[
            req("person", "接待人", Text),
            req("date", "日期", Date),
            req("minutes", "接待时长（分钟）", Count),
            opt("place", "接待地点", Kind::Choice(&PLACE)),
        ],
    },
    List {
        name: "visits",
        label: "走访记录",
        columns: &[
            req("person", "家访人", Text),
            req("household", "农户", Text),
            req("date", "日期", Date),
        ],
    },
    List {
        name: "household_events",
        label: "五必访",
        columns: &[
            req("id", "编号", Text),
            req("household", "农户", Text),
            req("kind", "事项", Kind::Choice(&EVENT_KIND)),
            req("date", "日期", Date),
        ],
    },
    List {
        name: "meetings",
        label: "民情分析会",
        columns: &[req("unit", "单位", Text), req("date", "日期", Date)],
    },
    List {
        name: "opinions",
        label: "群众意见",
        columns: &[
            req("id", "编号", Text),
            req("unit", "单位", Text),
            req("received", "反映时间", Date),
            req("responsibility", "办理类别", Kind::Responsibility),
            opt("fed_back", "反馈本人时间", Date),
            opt("result", "办理结果", Bool),
            opt("closed", "是否销号", Bool),
            opt("promised", "承诺办结时间", Date),
        ],
    },
    List {
        name: "commitments",
        label: "承诺",
        columns: &[
            req("id", "编号", Text),
            req("unit", "村（社区）", Text),
            req("year", "年度", Year),
            req("kind", "承诺类别", Kind::Choice(&COMMITMENT_KIND)),
            opt("committee", "承诺主体", Kind::Choice(&COMMITTEE)),
            opt("proposed", "提出初诺日期", Date),
            opt("voted", "民主定诺日期", Date),
            opt("approved", "审批日期", Date),
            opt("published", "公开承诺日期", Date),
        ],
    },
    List {
        name: "commitment_items",
        label: "承诺事项",
        columns: &[
            req("commitment", "承诺编号", Text),
            req("id", "编号", Text),
            req("approve", "赞成票", Count),
            req("disapprove", "反对票", Count),
            opt("abstain", "弃权票", Count),
            req("listed", "列入承诺", Bool),
            opt("present", "到会人数", Count),
            opt("entitled", "应到人数", Count),
        ],
    },
    List {
        name: "evaluations",
        label: "年终测评",
        columns: &[
            req("unit", "村（社区）", Text),
            req("year", "年度", Year),
            req("satisfied", "满意票", Count),
            opt("basically_satisfied", "基本满意票", Count),
            opt("dissatisfied", "不满意票", Count),
            opt("combined", "综合考评结果", Kind::Grade),
        ],
    },
    List {
        name: "links",
        label: "帮扶关系",
        columns: &[
            req("id", "编号", Text),
            req("kind", "帮扶形式", Kind::Choice(&LINK_KIND)),
            req("helper", "帮扶单位", Text),
            req("unit", "村（社区）", Text),
            req("from", "起始日期", Date),
            opt("to", "终止日期", Date),
        ],
    },
    List {
        name: "deeds",
        label: "办实事",
        columns: &[req("link", "帮扶关系编号", Text), req("date", "日期", Date)],
    },
    List {
        name: "pairings",
        label: "结对帮扶",
        columns: &[
            req("id", "编号", Text),
            req("household", "农户", Text),
            req("from", "起始日期", Date),
            opt("to", "终止日期", Date),
        ],
    },
    List {
        name: "aid",
        label: "帮扶资金",
        columns: &[
            req("pairing", "结对编号", Text),
            req("date", "日期", Date),
            req("amount_fen", "金额（分）", Count),
            Column {
                field: "amount_fen",
                name: "amount_yuan",
                label: "金额（元）",
                kind: Kind::Yuan,
                required: true,
            },
        ],
    },
    List {
        name: "implementations",
        label: "贯彻落实",
        columns: &[
            req("unit", "单位", Text),
            opt("implemented", "全面贯彻落实日期", Date),
            opt("report_written", "书面报告报送日期", Date),
            opt("report_electronic", "电子文档报送日期", Date),
            opt("first_responsible", "第一责任人", Text),
            opt("directly_responsible", "直接责任人", Text),
            opt("clerk", "具体经办人", Text),
        ],
    },
];

/// The expected forms of a "1234" class, from the core's own labels.
pub(crate) fn responsibility_forms() -> (String, String) {
    let names: Vec<&str> = Responsibility::ALL.iter().map(|r| r.name()).collect();
    let labels: Vec<&str> = Responsibility::ALL.iter().map(|r| r.label_zh()).collect();
    (
        format!("{}, 1-4 or {}", names.join(", "), labels.join(", ")),
        format!("{}、1-4 或{}", names.join("、"), labels.join("、")),
    )
}

/// The expected forms of a grade, from the core's own labels.
pub(crate) fn grade_forms() -> (String, String) {
    let names: Vec<&str> = Grade::ALL.iter().map(|g| g.name()).collect();
    let labels: Vec<&str> = Grade::ALL.iter().map(|g| g.label_zh()).collect();
    (
        format!("{} or {}", names.join(", "), labels.join(", ")),
        format!("{}，或{}", names.join("、"), labels.join("、")),
    )
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::panic, clippy::indexing_slicing)]
mod tests {
    use super::*;
    use crate::dataset::{
        Aid, Commitment, CommitmentItem, Dataset, Deed, Evaluation, Household, HouseholdEvent,
        Implementation, Link, Meeting, Opinion, Pairing, Person, Reception, Term, Unit, Visit,
    };
    use serde::de::{self, Deserialize, Deserializer, Visitor};
    use serde_json::{json, Map, Value};

    /// A deserializer that only notes what a type asks for: the fields of a struct or the
    /// variants of an enum, as serde's derive declares them.
    struct Names(Option<&'static [&'static str]>);

    #[derive(Debug)]
    struct Stop;
    impl std::fmt::Display for Stop {
        fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str("stop")
        }
    }
    impl std::error::Error for Stop {}
    impl de::Error for Stop {
        fn custom<T: std::fmt::Display>(_: T) -> Self {
            Stop
        }
    }

    impl<'de> Deserializer<'de> for &mut Names {
        type Error = Stop;
        fn deserialize_any<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Stop> {
            Err(Stop)
        }
        fn deserialize_struct<V: Visitor<'de>>(
            self,
            _: &'static str,
            fields: &'static [&'static str],
            _: V,
        ) -> Result<V::Value, Stop> {
            self.0 = Some(fields);
            Err(Stop)
        }
        fn deserialize_enum<V: Visitor<'de>>(
            self,
            _: &'static str,
            variants: &'static [&'static str],
            _: V,
        ) -> Result<V::Value, Stop> {
            self.0 = Some(variants);
            Err(Stop)
        }
        serde::forward_to_deserialize_any! {
            bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes
            byte_buf option unit unit_struct newtype_struct seq tuple tuple_struct map
            identifier ignored_any
        }
    }

    fn names<'de, T: Deserialize<'de>>() -> &'static [&'static str] {
        let mut n = Names(None);
        let _ = T::deserialize(&mut n);
        n.0.unwrap()
    }

    fn fields_of(list: &str) -> Vec<&'static str> {
        let f = match list {
            "units" => names::<Unit>(),
            "people" => names::<Person>(),
            "households" => names::<Household>(),
            "terms" => names::<Term>(),
            "receptions" => names::<Reception>(),
            "visits" => names::<Visit>(),
            "household_events" => names::<HouseholdEvent>(),
            "meetings" => names::<Meeting>(),
            "opinions" => names::<Opinion>(),
            "commitments" => names::<Commitment>(),
            "commitment_items" => {
                let mut f = vec!["commitment"];
                f.extend(names::<CommitmentItem>());
                return f;
            }
            "evaluations" => names::<Evaluation>(),
            "links" => names::<Link>(),
            "deeds" => names::<Deed>(),
            "pairings" => names::<Pairing>(),
            "aid" => names::<Aid>(),
            "implementations" => names::<Implementation>(),
            other => panic!("no record type for {other}"),
        };
        f.iter().copied().filter(|f| *f != "items").collect()
    }

    #[test]
    fn the_lists_are_the_datasets() {
        let ours: Vec<&str> = LISTS.iter().map(|l| l.name).collect();
        assert_eq!(ours, Dataset::LISTS);
        let mut fields: Vec<&str> = names::<Dataset>().to_vec();
        fields.push("commitment_items");
        fields.sort_unstable();
        let mut lists = Dataset::LISTS.to_vec();
        lists.sort_unstable();
        assert_eq!(fields, lists, "Dataset::LISTS and the fields of Dataset");
    }

    /// A value of a column's kind that the record types accept.
    fn sample(kind: Kind) -> Value {
        match kind {
            Kind::Text => json!("X1"),
            Kind::Date => json!("2009-01-05"),
            Kind::Bool => json!(true),
            Kind::Count | Kind::Yuan => json!(1),
            Kind::Year => json!(2009),
            Kind::Choice(c) => json!(c.options[0].0),
            Kind::Responsibility => json!("within_remit"),
            Kind::Grade => json!("excellent"),
        }
    }

    fn reads(list: &str, row: &Map<String, Value>) -> crate::Result<()> {
        let mut row = row.clone();
        row.remove("commitment");
        let v = Value::Object(row);
        use crate::de::from_value as f;
        match list {
            "units" => f::<Unit>(&v).map(drop),
            "people" => f::<Person>(&v).map(drop),
            "households" => f::<Household>(&v).map(drop),
            "terms" => f::<Term>(&v).map(drop),
            "receptions" => f::<Reception>(&v).map(drop),
            "visits" => f::<Visit>(&v).map(drop),
            "household_events" => f::<HouseholdEvent>(&v).map(drop),
            "meetings" => f::<Meeting>(&v).map(drop),
            "opinions" => f::<Opinion>(&v).map(drop),
            "commitments" => f::<Commitment>(&v).map(drop),
            "commitment_items" => f::<CommitmentItem>(&v).map(drop),
            "evaluations" => f::<Evaluation>(&v).map(drop),
            "links" => f::<Link>(&v).map(drop),
            "deeds" => f::<Deed>(&v).map(drop),
            "pairings" => f::<Pairing>(&v).map(drop),
            "aid" => f::<Aid>(&v).map(drop),
            "implementations" => f::<Implementation>(&v).map(drop),
            other => panic!("{other}"),
        }
    }

    /// Every field of every record type has exactly one column of its own name, the
    /// required ones are those the record type requires, and every choice's names are the
    /// enum's variants.
    #[test]
    fn the_table_matches_the_record_types() {
        for list in LISTS {
            let own: Vec<&str> = list
                .columns
                .iter()
                .filter(|c| !c.clerk_only())
                .map(|c| c.field)
                .collect();
            assert_eq!(own, fields_of(list.name), "columns of {}", list.name);
            let full: Map<String, Value> = list
                .columns
                .iter()
                .filter(|c| !c.clerk_only())
                .map(|c| (c.field.to_string(), sample(c.kind)))
                .collect();
            reads(list.name, &full).unwrap();
            for c in list.columns.iter().filter(|c| !c.clerk_only()) {
                let mut row = full.clone();
                row.remove(c.field);
                let needed = c.field == "commitment" || reads(list.name, &row).is_err();
                assert_eq!(needed, c.required, "{}.{} required", list.name, c.field);
                if let Kind::Choice(choices) = c.kind {
                    for (name, _) in choices.options {
                        row.insert(c.field.to_string(), json!(name));
                        reads(list.name, &row).unwrap();
                    }
                }
            }
            let mut labels: Vec<&str> = list.columns.iter().map(|c| c.label).collect();
            labels.sort_unstable();
            labels.dedup();
            assert_eq!(labels.len(), list.columns.len(), "labels of {}", list.name);
        }
        use crate::dataset::{CommitmentKind, Committee, EventKind, Level, LinkKind, Place, Role};
        let choices: [(&Choices, &[&str]); 7] = [
            (&LEVEL, names::<Level>()),
            (&ROLE, names::<Role>()),
            (&PLACE, names::<Place>()),
            (&EVENT_KIND, names::<EventKind>()),
            (&COMMITMENT_KIND, names::<CommitmentKind>()),
            (&COMMITTEE, names::<Committee>()),
            (&LINK_KIND, names::<LinkKind>()),
        ];
        for (c, variants) in choices {
            let ours: Vec<&str> = c.options.iter().map(|(n, _)| *n).collect();
            assert_eq!(ours, variants, "{}", c.what.0);
        }
        let mut labels: Vec<&str> = LISTS.iter().map(|l| l.label).collect();
        labels.sort_unstable();
        labels.dedup();
        assert_eq!(labels.len(), LISTS.len(), "one label per list");
    }

    /// docs/dataset.md prints every list, column and choice label of this table.
    #[test]
    fn the_documentation_prints_the_table() {
        let doc = include_str!("../../../docs/dataset.md");
        for list in LISTS {
            let row = format!("| `{}` | {} |", list.name, list.label);
            assert!(doc.contains(&row), "docs/dataset.md lacks `{row}`");
            for c in list.columns {
                let row = format!("| `{}` | `{}` | {} |", list.name, c.name, c.label);
                assert!(doc.contains(&row), "docs/dataset.md lacks `{row}`");
            }
        }
        for c in [
            &LEVEL,
            &ROLE,
            &PLACE,
            &EVENT_KIND,
            &COMMITMENT_KIND,
            &COMMITTEE,
            &LINK_KIND,
        ] {
            for (name, labels) in c.options {
                let row = format!("| `{name}` | {} |", labels.join(" / "));
                assert!(doc.contains(&row), "docs/dataset.md lacks `{row}`");
            }
        }
        let core_labels = Responsibility::ALL
            .iter()
            .map(|r| r.label_zh())
            .chain(Grade::ALL.iter().map(|g| g.label_zh()));
        for label in core_labels {
            assert!(doc.contains(label), "docs/dataset.md lacks {label}");
        }
    }

    /// Every list of the table is read from JSON and from tables: none is dropped by a
    /// reader that forgets it.
    #[test]
    fn every_list_is_read() {
        let mut tables = Map::new();
        for list in LISTS {
            let row: Map<String, Value> = list
                .columns
                .iter()
                .filter(|c| !c.clerk_only())
                .map(|c| (c.name.to_string(), sample(c.kind)))
                .collect();
            tables.insert(list.name.to_string(), json!([row]));
        }
        // The one commitment item names the one commitment.
        tables.insert(
            "commitment_items".to_string(),
            json!([{"commitment": "X1", "id": "X1", "approve": 1, "disapprove": 1, "listed": true}]),
        );
        let (d, problems) = crate::dataset::read::json_tables(&tables);
        assert!(problems.is_empty(), "{problems:?}");
        let read = serde_json::to_value(&d).unwrap();
        for list in LISTS.iter().filter(|l| l.name != "commitment_items") {
            assert_eq!(
                read[list.name].as_array().map(Vec::len),
                Some(1),
                "{}",
                list.name
            );
        }
        assert_eq!(
            read["commitments"][0]["items"].as_array().map(Vec::len),
            Some(1)
        );
    }
}
