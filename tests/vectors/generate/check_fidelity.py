# Writes tests/vectors/check_fidelity.json: issue 9, "judge what a district inspector would
# judge". One case or more per item of the issue, each quoting the Chinese words that decide
# it. Expected values are reasoned here by hand from the source and docs/rules.md,
# docs/ambiguities.md (A16-A25), never computed by liaison.
#
# Format: calls of the contract (../README.md): `op` ("check"), a `request` (dataset, start,
# end, as_of, optional partial policy) or, where the dataset's text matters (a key given
# twice, a byte-order mark), a `request_json`; and an `answer` matched as a subset
# ("match": "subset"), or an `error`.
import json
import os

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'check_fidelity.json')

V = [{"id": "V1", "level": "village", "parent": "T1"}, {"id": "T1", "level": "town", "parent": "D"},
     {"id": "D", "level": "district"}]


def case(name, rule, words, dataset, start, end, as_of, answer, policy=None, dataset_json=None):
    request = {"start": start, "end": end, "as_of": as_of}
    if policy:
        request["policy"] = policy
    out = {"name": name, "rule": rule, "words": words, "op": "check"}
    if dataset_json is not None:
        # The dataset's own text, inside the request's text; a byte-order mark goes before
        # the whole text, where a file has it.
        rest = json.dumps(request, ensure_ascii=False)
        bom = '\ufeff' if dataset_json.startswith('\ufeff') else ''
        out["request_json"] = bom + '{"dataset": ' + dataset_json.lstrip('\ufeff') + ', ' + rest[1:]
    else:
        out["request"] = dict(dataset=dataset, **request)
    if "error" in answer:
        out["error"] = answer["error"]
    else:
        out["match"] = "subset"
        out["answer"] = answer
    return out


def person(id, unit, frm, to=None, role="secretary", **kw):
    p = {"id": id, "unit": unit, "role": role, "from": frm}
    if to:
        p["to"] = to
    p.update(kw)
    return p


def finding(rule, code, subject, label, expected, actual, **period):
    p = {"label": label}
    p.update(period)
    return {"rule": rule, "code": code, "subject": subject, "period": p, "expected": expected, "actual": actual}


def tally(rule, judged, met, not_met, not_judged, by_reason=None, **more):
    t = {"key": rule, "judged": judged, "met": met, "not_met": not_met, "not_judged": not_judged,
         "not_judged_by_reason": by_reason or {}}
    t.update(more)
    return t


cases = []

# ---- 1. Partial years (A16, A17) ----
S11 = "区委书记每年集中接待群众不少于2次，每次不少于半天。"
cases.append(case(
    "1: a district secretary in office 2009-01-02..2010-12-30 with no reception is judged each year, 2 x 364 / 365 rounded half up = 2",
    "S1.1 A16", S11,
    {"units": V, "people": [person("DS", "D", "2009-01-02", "2010-12-30")]},
    "2009-01-01", "2010-12-31", "2011-01-10",
    {"findings": [finding("S1.1", "too_few_receptions", "DS", "2009", 2, 0, start="2009-01-02", end="2009-12-31"),
                  finding("S1.1", "too_few_receptions", "DS", "2010", 2, 0, start="2010-01-01", end="2010-12-30")],
     "by_rule": [tally("S1.1", 2, 0, 2, 0)]},
    policy={"rules": ["S1.1"]}))
cases.append(case(
    "1: whole years only (a district's policy) leaves both part-years not judged",
    "S1.1 A16", S11,
    {"units": V, "people": [person("DS", "D", "2009-01-02", "2010-12-30")]},
    "2009-01-01", "2010-12-31", "2011-01-10",
    {"findings": [], "by_rule": [tally("S1.1", 0, 0, 0, 2, {"partial_period": 2})]},
    policy={"rules": ["S1.1"], "partial_years": "whole_only"}))
H1 = [{"id": "H1", "unit": "V1"}]
cases.append(case(
    "1: leaders joining mid-year: 4 x 275 / 365 = 3.01 -> 3 visits asked of a town member; 2 x 91 / 365 = 0.499 -> 0, not judged; 2 x 92 / 365 = 0.504 -> 1",
    "S2.1 S2.2 A16", "区级领导每年入户走访时间不少于2次；镇街党委（党工委）班子成员每年入户走访时间不少于4次",
    {"units": V, "households": H1,
     "people": [person("TM", "T1", "2009-04-01", role="member"), person("DL", "D", "2009-10-02", role="member"),
                person("DL2", "D", "2009-10-01", role="member")],
     "visits": [{"person": "TM", "household": "H1", "date": "2009-05-01"},
                {"person": "TM", "household": "H1", "date": "2009-11-01"},
                {"person": "DL2", "household": "H1", "date": "2009-12-01"}]},
    "2009-01-01", "2009-12-31", "2010-01-10",
    {"findings": [finding("S2.2", "too_few_visits", "TM", "2009", 3, 2, start="2009-04-01", end="2009-12-31")],
     "by_rule": [tally("S2.1", 1, 1, 0, 1, {"partial_period": 1}), tally("S2.2", 1, 0, 1, 0)]},
    policy={"rules": ["S2.1", "S2.2"]}))
S4 = "开展支部“联线”活动……每年为村（社区）党组织办实事、好事不少于2件。……由1名或多名党员与1名村（社区）贫困群众结成对子开展帮扶活动，每年提供不少于500元帮扶资金。"
LP = {"units": V + [{"id": "O1", "level": "organisation"}], "households": [{"id": "H1", "unit": "V1", "poor": True}],
      "links": [{"id": "L1", "kind": "branch_link", "helper": "O1", "unit": "V1", "from": "2009-03-01", "to": "2010-02-28"}],
      "pairings": [{"id": "P1", "household": "H1", "from": "2009-03-01", "to": "2010-02-28"}]}
cases.append(case(
    "1: a link and a pairing running 2009-03-01..2010-02-28 with nothing done are judged on their own year",
    "S4.2 S4.3 A17", S4, LP, "2009-01-01", "2010-12-31", "2011-01-10",
    {"findings": [finding("S4.2", "too_few_deeds", "L1", "2009-03-01..2010-02-28", 2, 0),
                  finding("S4.3", "aid_below_minimum", "P1", "2009-03-01..2010-02-28", 50000, 0)],
     "by_rule": [tally("S4.2", 1, 0, 1, 0), tally("S4.3", 1, 0, 1, 0)]},
    policy={"rules": ["S4.2", "S4.3"]}))
cases.append(case(
    "1: calendar years (a district's policy): 2 x 306 / 365 = 1.68 -> 2 deeds asked in 2009; 2 x 59 / 365 = 0.32 -> 0, not judged in 2010",
    "S4.2 A16 A17", S4, LP, "2009-01-01", "2010-12-31", "2011-01-10",
    {"findings": [finding("S4.2", "too_few_deeds", "L1", "2009", 2, 0, start="2009-03-01", end="2009-12-31")],
     "by_rule": [tally("S4.2", 1, 0, 1, 1, {"partial_period": 1})]},
    policy={"rules": ["S4.2"], "assistance_years": "calendar"}))
cases.append(case(
    "1: a final part-year prorated: 2 x 184 / 365 = 1.008 -> 1 deed; 50000 x 92 / 365 = 12602.74 -> 12603 fen, and 12602 fall short",
    "S4.2 S4.3 A16 A17 A14", S4,
    {"units": V + [{"id": "O1", "level": "organisation"}], "households": [{"id": "H1", "unit": "V1", "poor": True}],
     "links": [{"id": "L2", "kind": "branch_link", "helper": "O1", "unit": "V1", "from": "2009-03-01", "to": "2010-08-31"}],
     "deeds": [{"link": "L2", "date": "2009-05-01"}, {"link": "L2", "date": "2010-01-05"}, {"link": "L2", "date": "2010-06-01"}],
     "pairings": [{"id": "P2", "household": "H1", "from": "2009-03-01", "to": "2010-05-31"}],
     "aid": [{"pairing": "P2", "date": "2009-07-01", "amount_fen": 50000}, {"pairing": "P2", "date": "2010-04-01", "amount_fen": 12602}]},
    "2009-03-01", "2011-02-28", "2011-03-10",
    {"findings": [finding("S4.3", "aid_below_minimum", "P2", "2010-03-01..2011-02-28", 12603, 12602, start="2010-03-01", end="2010-05-31")],
     "by_rule": [tally("S4.2", 2, 2, 0, 0), tally("S4.3", 2, 1, 1, 0)]},
    policy={"rules": ["S4.2", "S4.3"]}))

# ---- 2. A9 applied: terms counted from the first record (A18) ----
S23 = "村（社区）党组织班子成员每届入户走访辖区每户群众家庭不少于6次"
T2 = {"units": V, "people": [person("M", "V1", "2009-01-01", role="member")], "households": [{"id": "H1", "unit": "V1", "member": "M"}],
      "visits": [{"person": "M", "household": "H1", "date": d} for d in ["2009-02-01", "2009-09-01", "2010-03-01", "2010-10-01", "2011-06-01"]]}
cases.append(case(
    "2: no term on record: a term of 3 years from the first record (2009-01-01..2011-12-31); five visits fall short of six",
    "S2.3 A9 A18", S23, T2, "2009-01-01", "2011-12-31", "2012-01-10",
    {"findings": [finding("S2.3", "household_under_visited", "H1", "2009-01-01..2011-12-31", 6, 5)],
     "by_rule": [tally("S2.3", 2, 1, 1, 0)]},
    policy={"rules": ["S2.3"]}))
cases.append(case(
    "2: a district that does not count terms leaves the per-term visits not judged, naming the household",
    "S2.3 A9 A18", S23, T2, "2009-01-01", "2011-12-31", "2012-01-10",
    {"findings": [], "by_rule": [tally("S2.3", 1, 1, 0, 1, {"no_term_on_record": 1})],
     "records_not_judged": [{"rule": "S2.3", "subject": "H1", "status": "not_judged", "reason": "no_term_on_record"}]},
    policy={"rules": ["S2.3"], "infer_terms": False}))
cases.append(case(
    "2: no term on record: the first record (2009-03-01) opens a term, so 2009 asks a term commitment of each committee",
    "S3.2 A9 A18 A21", "换届后第一年提出三年任期承诺，同时提出本年度承诺事项，以后每年初承诺一次。",
    {"units": V, "people": [person("S", "V1", "2009-03-01")],
     "commitments": [
         {"id": "PA9", "unit": "V1", "year": 2009, "kind": "annual", "committee": "party", "published": "2009-04-20"},
         {"id": "PT9", "unit": "V1", "year": 2009, "kind": "term", "committee": "party", "published": "2009-04-20"},
         {"id": "VA9", "unit": "V1", "year": 2009, "kind": "annual", "committee": "villagers", "published": "2009-04-20"},
         {"id": "PA10", "unit": "V1", "year": 2010, "kind": "annual", "committee": "party", "published": "2010-01-20"},
         {"id": "VA10", "unit": "V1", "year": 2010, "kind": "annual", "committee": "villagers", "published": "2010-01-20"}]},
    "2009-01-01", "2010-12-31", "2011-01-10",
    {"findings": [finding("S3.2", "term_commitment_missing", "V1/villagers", "2009", 1, 0)],
     "by_rule": [tally("S3.2", 6, 5, 1, 0)]},
    policy={"rules": ["S3.2"]}))

# ---- 3. Every obligation-period accounted for ----
cases.append(case(
    "3: not judged broken down by reason: a week cut by the range, a week begun after joining, weeks not over by as_of",
    "S1.3 A8", "村（社区）党组织书记每周集中接待群众不少于1次，每次不少于半天。",
    {"units": V + [{"id": "V2", "level": "village", "parent": "T1"}],
     "people": [person("S1", "V1", "2008-01-01"), person("S2", "V2", "2009-01-07")],
     "receptions": [{"person": "S1", "date": "2009-01-06", "minutes": 240}, {"person": "S1", "date": "2009-01-13", "minutes": 240},
                    {"person": "S2", "date": "2009-01-13", "minutes": 240}]},
    "2009-01-01", "2009-01-25", "2009-01-20",
    {"findings": [], "by_rule": [tally("S1.3", 3, 3, 0, 4, {"outside_range": 1, "open": 2, "partial_period": 1})]},
    policy={"rules": ["S1.3"]}))

# ---- 4. S1.5: only the places the notice names count (A19) ----
S15 = "对实行坐班制的村（社区）可在村（社区）公共（社区）服务中心办公室或群众接待室接待；……除采取集中性、面对面的方式接待群众外，党组织还可以通过……开通热线电话、举报电话等方式"
P4 = {"units": V, "people": [person("S", "V1", "2008-01-01")],
      "receptions": [{"person": "S", "date": "2009-01-06", "minutes": 240, "place": "other"},
                     {"person": "S", "date": "2009-01-13", "minutes": 240, "place": "market"}]}
cases.append(case(
    "4: a session by another channel (place other) is not a 集中接待; one at the market is",
    "S1.3 S1.5 S1.6 A19", S15, P4, "2009-01-05", "2009-01-18", "2009-02-01",
    {"findings": [finding("S1.3", "too_few_receptions", "S", "2009-W02", 1, 0)], "by_rule": [tally("S1.3", 2, 1, 1, 0)]},
    policy={"rules": ["S1.3"]}))
cases.append(case(
    "4: a district counting every channel (a policy) meets both weeks",
    "S1.3 S1.5 A19", S15, P4, "2009-01-05", "2009-01-18", "2009-02-01",
    {"findings": [], "by_rule": [tally("S1.3", 2, 2, 0, 0)]},
    policy={"rules": ["S1.3"], "reception_places": ["reception_office", "service_centre", "market", "field", "scene", "other"]}))

# ---- 5. S1.4: a turn lasts the half day of A7 (A20) ----
S14 = "每次不少于半天。班子其他成员由党委（党工委）统筹，定期安排1名成员接待。……镇街党委（党工委）班子成员在1月内轮流接待"
P5 = {"units": V, "people": [person("TM", "T1", "2008-01-01", role="member")],
      "receptions": [{"person": "TM", "date": "2009-01-20", "minutes": 5}, {"person": "TM", "date": "2009-02-10", "minutes": 240}]}
cases.append(case(
    "5: a 5-minute turn is not a turn",
    "S1.4 A11 A20", S14, P5, "2009-01-01", "2009-02-28", "2009-03-10",
    {"findings": [finding("S1.4", "rotation_missed", "TM", "2009-01", 1, 0)], "by_rule": [tally("S1.4", 2, 1, 1, 0)]},
    policy={"rules": ["S1.4"]}))
cases.append(case(
    "5: a district counting a turn of any length (a policy)",
    "S1.4 A11 A20", S14, P5, "2009-01-01", "2009-02-28", "2009-03-10",
    {"findings": [], "by_rule": [tally("S1.4", 2, 2, 0, 0)]},
    policy={"rules": ["S1.4"], "rotation_min_minutes": 0}))

# ---- 6. S2.4: by a village secretary in office on the visit day ----
cases.append(case(
    "6: a visit by the secretary who had left office does not count; one made while in office does",
    "S2.4 A10", "村（社区）党组织书记对重病卧床、住院治疗、红白喜事、意外事故、家庭受灾的群众须做到“五必访”。",
    {"units": V, "people": [person("A", "V1", "2007-01-01", "2009-01-10"), person("B", "V1", "2009-01-11")],
     "households": [{"id": "H1", "unit": "V1"}, {"id": "H2", "unit": "V1"}],
     "household_events": [{"id": "E1", "household": "H1", "kind": "hospital", "date": "2009-01-05"},
                          {"id": "E2", "household": "H2", "kind": "accident", "date": "2009-01-06"}],
     "visits": [{"person": "A", "household": "H1", "date": "2009-01-12"}, {"person": "A", "household": "H2", "date": "2009-01-08"}]},
    "2009-01-01", "2009-03-31", "2009-04-10",
    {"findings": [finding("S2.4", "must_visit_missed", "E1", "2009-01-05..2009-02-04", 30, 0)], "by_rule": [tally("S2.4", 2, 1, 1, 0)]},
    policy={"rules": ["S2.4"]}))

# ---- 7. S3.1: each committee commits ----
S31 = "由村（社区）党组织书记代表党委会（总支部委员会、支部委员会），村（居）委会主任代表村（居）委会，以书面、宣誓等方式……双向作出任期和年度工作承诺"
P7 = {"units": V, "terms": [{"unit": "V1", "from": "2008-03-01", "to": "2011-02-28"}],
      "commitments": [{"id": "C9P", "unit": "V1", "year": 2009, "kind": "annual", "committee": "party", "published": "2009-01-20"},
                      {"id": "C10", "unit": "V1", "year": 2010, "kind": "annual", "published": "2010-01-15"}]}
cases.append(case(
    "7: the Party organisation's commitment does not meet the villagers' committee's duty; a commitment naming no committee is credited to neither",
    "S3.1 S3.2 A12 A21", S31, P7, "2009-01-01", "2010-12-31", "2011-01-10",
    {"findings": [finding("S3.2", "annual_commitment_missing", "V1/villagers", "2009", 1, 0, end="2009-01-31")],
     "by_rule": [tally("S3.2", 2, 1, 1, 2, {"missing_committee": 2})],
     "records_not_judged": [{"rule": "S3.2", "subject": "V1/party", "reason": "missing_committee", "period": {"label": "2010"}},
                            {"rule": "S3.2", "subject": "V1/villagers", "reason": "missing_committee", "period": {"label": "2010"}}]},
    policy={"rules": ["S3.2"]}))
cases.append(case(
    "7: a district taking one joint commitment of the 两委会 (a policy)",
    "S3.1 S3.2 A21", S31, P7, "2009-01-01", "2010-12-31", "2011-01-10",
    {"findings": [], "by_rule": [tally("S3.2", 2, 2, 0, 0)]},
    policy={"rules": ["S3.2"], "commitment_by": "joint"}))

# ---- 8. S3.8: two unqualified years in a row of one term; no ballot for a missing combined result ----
S38 = "若连续两年综合考评仍然不合格的村（社区）“两委会”，其成员应主动辞职"
EV = [{"unit": "V1", "year": 2009, "satisfied": 60, "dissatisfied": 40, "combined": "unqualified"},
      {"unit": "V1", "year": 2010, "satisfied": 60, "dissatisfied": 40, "combined": "unqualified"}]
TWO_TERMS = {"units": V, "terms": [{"unit": "V1", "from": "2007-01-01", "to": "2009-12-31"}, {"unit": "V1", "from": "2010-01-01", "to": "2012-12-31"}],
             "evaluations": EV}
cases.append(case(
    "8: unqualified in 2009 and 2010, but 2010 is a new committee's first year: rectify each year, no resignation",
    "S3.8 A22", S38, TWO_TERMS, "2009-01-01", "2010-12-31", "2011-01-10",
    {"findings": [finding("S3.8", "rectify_combined_unqualified", "V1", "2009", 0, 1),
                  finding("S3.8", "rectify_combined_unqualified", "V1", "2010", 0, 1)],
     "by_rule": [tally("S3.8", 2, 0, 2, 0)]},
    policy={"rules": ["S3.8"]}))
cases.append(case(
    "8: any two consecutive calendar years (a policy): the 2010 committee should resign",
    "S3.8 A22", S38, TWO_TERMS, "2009-01-01", "2010-12-31", "2011-01-10",
    {"findings": [finding("S3.8", "rectify_combined_unqualified", "V1", "2009", 0, 1),
                  finding("S3.8", "rectify_combined_unqualified", "V1", "2010", 0, 1),
                  finding("S3.8", "resign_unqualified_two_years", "V1", "2010", 2, 2)]},
    policy={"rules": ["S3.8"], "resign_within_term": False}))
cases.append(case(
    "8: two unqualified years of one term: resign",
    "S3.8 A22", S38, {"units": V, "terms": [{"unit": "V1", "from": "2008-03-01", "to": "2011-02-28"}], "evaluations": EV},
    "2009-01-01", "2010-12-31", "2011-01-10",
    {"findings": [finding("S3.8", "rectify_combined_unqualified", "V1", "2009", 0, 1),
                  finding("S3.8", "rectify_combined_unqualified", "V1", "2010", 0, 1),
                  finding("S3.8", "resign_unqualified_two_years", "V1", "2010", 2, 2)]},
    policy={"rules": ["S3.8"]}))
NOCOMB = {"units": V, "evaluations": [{"unit": "V1", "year": 2009, "satisfied": 60, "dissatisfied": 40},
                                      {"unit": "V1", "year": 2010, "satisfied": 40, "dissatisfied": 60}]}
cases.append(case(
    "8: no combined result on record: not judged, never the ballot's grade; dissatisfaction over half still calls for rectification",
    "S3.7 S3.8 A23", "最后形成村（社区）“两委会”综合考评结果……党员群众民主测评不满意率超过50％，或在综合考评中认定不合格的……限期整改",
    NOCOMB, "2009-01-01", "2010-12-31", "2011-01-10",
    {"findings": [finding("S3.8", "rectify_dissatisfaction_over_half", "V1", "2010", 50, 60)],
     "by_rule": [tally("S3.8", 1, 0, 1, 1, {"missing_combined": 1})],
     "records_not_judged": [{"rule": "S3.8", "unit": "V1", "subject": "V1", "period": {"label": "2009"}, "reason": "missing_combined"}]},
    policy={"rules": ["S3.8"]}))
cases.append(case(
    "8: a district taking the ballot's grade for a missing combined result (a policy)",
    "S3.8 A18 A22 A23", S38, NOCOMB, "2009-01-01", "2010-12-31", "2011-01-10",
    {"findings": [finding("S3.8", "rectify_combined_unqualified", "V1", "2009", 0, 1),
                  finding("S3.8", "rectify_dissatisfaction_over_half", "V1", "2010", 50, 60),
                  finding("S3.8", "rectify_combined_unqualified", "V1", "2010", 0, 1),
                  finding("S3.8", "resign_unqualified_two_years", "V1", "2010", 2, 2)],
     "records_not_judged": []},
    policy={"rules": ["S3.8"], "missing_combined_as_ballot": True}))

# ---- 9. S5: "10天内" is a maximum ----
cases.append(case(
    "9: a promised day earlier than the limit is valid; one later than the limit is deadline_mismatch",
    "S5.1 A1 A2", "对属本级党组织工作职责范围内的事项，应在收到反映问题之日起10天内办结，并反馈反映人",
    {"units": V, "opinions": [
        {"id": "O1", "unit": "V1", "received": "2009-03-02", "responsibility": "within_remit", "promised": "2009-03-06", "fed_back": "2009-03-10"},
        {"id": "O2", "unit": "V1", "received": "2009-03-02", "responsibility": "within_remit", "promised": "2009-03-13", "fed_back": "2009-03-11"}]},
    "2009-03-01", "2009-03-31", "2009-04-10",
    {"findings": [finding("S5.1", "deadline_mismatch", "O2", "2009-03-02..2009-03-12", 10, 11)],
     "by_rule": [tally("S5.1", 2, 1, 1, 0)]},
    policy={"rules": ["S5.1"]}))

# ---- 10. N.1-N.3: the notice's own dates ----
cases.append(case(
    "10: towns implement by 2008-12-20 and report by 2009-01-10 (the day included), with the responsibilities named",
    "N.1 N.2 N.3 A25",
    "各镇街党委（党工委）要在今年12月20日前全面贯彻落实五项制度。2009年1月10日前，将本地区、本系统党组织落实五项制度的情况形成书面报告送区委组织部，同时通过党政网向区委组织部组织科报送电子文档。……明确党组织书记为第一责任人，分管领导为直接责任人，同时落实具体经办人",
    {"units": [{"id": "D", "level": "district"}, {"id": "T1", "level": "town", "parent": "D"}, {"id": "T2", "level": "town", "parent": "D"},
               {"id": "ORG1", "level": "organisation"}],
     "people": [person("TS1", "T1", "2007-01-01"), person("TM1", "T1", "2007-01-01", role="member"),
                person("TS2", "T2", "2007-01-01"), person("TM2", "T2", "2007-01-01", role="member"),
                person("OS", "ORG1", "2007-01-01"), person("OM", "ORG1", "2007-01-01", role="member")],
     "implementations": [
         {"unit": "T1", "implemented": "2008-12-20", "report_written": "2009-01-10", "report_electronic": "2009-01-11",
          "first_responsible": "TS1", "directly_responsible": "TM1", "clerk": "K1"},
         {"unit": "T2", "implemented": "2008-12-21", "report_written": "2009-01-05", "report_electronic": "2009-01-05",
          "first_responsible": "TM2", "clerk": "K2"},
         {"unit": "ORG1", "report_written": "2009-01-08", "report_electronic": "2009-01-08",
          "first_responsible": "OS", "directly_responsible": "OM", "clerk": "K3"}]},
    "2008-11-21", "2009-01-31", "2009-02-10",
    {"findings": [finding("N.1", "implementation_late", "T2", "2008-12-20..2008-12-20", 0, 1),
                  finding("N.2", "report_late", "T1", "2009-01-10..2009-01-10", 0, 1),
                  finding("N.3", "responsibility_unassigned", "T2", "2008-12-20..2008-12-20", 3, 1)],
     "by_rule": [tally("N.1", 2, 1, 1, 0), tally("N.2", 3, 2, 1, 0), tally("N.3", 3, 2, 1, 0)]},
    policy={"rules": ["N"]}))

# ---- 11. One vote record never costs the report ----
S35 = "由党员群众对承诺事项进行表决。同意票达到三分之二及以上的，列为承诺内容，不同意票超过三分之一的，不列为承诺内容"
cases.append(case(
    "11: shares of those present (a policy): an item without attendance is not judged and named; the others are judged",
    "S3.5 A5", S35,
    {"units": V, "commitments": [{"id": "C1", "unit": "V1", "year": 2009, "kind": "annual", "committee": "party", "voted": "2009-01-10", "items": [
        {"id": "I1", "approve": 20, "disapprove": 5, "listed": True, "present": 30, "entitled": 40},
        {"id": "I2", "approve": 20, "disapprove": 5, "listed": True},
        {"id": "I3", "approve": 19, "disapprove": 5, "listed": True, "present": 30, "entitled": 40}]}]},
    "2009-01-01", "2009-12-31", "2010-01-10",
    {"findings": [finding("S3.5", "listed_without_adoption", "C1/I3", "2009-01-10..2009-01-10", 20, 19)],
     "by_rule": [tally("S3.5", 2, 1, 1, 1, {"missing_attendance": 1})],
     "records_not_judged": [{"rule": "S3.5", "subject": "C1/I2", "reason": "missing_attendance"}]},
    policy={"rules": ["S3.5"], "vote_base": "present"}))
cases.append(case(
    "11: a quorum of more than half (a policy): 20 of 40 present is not more than half",
    "S3.5 A15", S35,
    {"units": V, "commitments": [{"id": "C1", "unit": "V1", "year": 2009, "kind": "annual", "committee": "party", "voted": "2009-01-10", "items": [
        {"id": "I1", "approve": 20, "disapprove": 5, "listed": True, "present": 30, "entitled": 40},
        {"id": "I2", "approve": 20, "disapprove": 0, "listed": True, "present": 20, "entitled": 40},
        {"id": "I3", "approve": 20, "disapprove": 5, "listed": True}]}]},
    "2009-01-01", "2009-12-31", "2010-01-10",
    {"findings": [finding("S3.5", "listed_without_quorum", "C1/I2", "2009-01-10..2009-01-10", 21, 20)],
     "by_rule": [tally("S3.5", 2, 1, 1, 1, {"missing_attendance": 1})]},
    policy={"rules": ["S3.5"], "vote_quorum": {"numerator": 1, "denominator": 2, "inclusive": False}}))

# ---- 12. One opinion never costs the report; beyond the calendar ----
S51 = "应在收到反映问题之日起10天内办结，并反馈反映人"
OP12 = [{"id": "O1", "unit": "V1", "received": "2026-12-25", "responsibility": "within_remit", "fed_back": "2027-01-05"},
        {"id": "O2", "unit": "V1", "received": "2026-12-01", "responsibility": "within_remit", "fed_back": "2026-12-05"}]
cases.append(case(
    "12: a deadline in 2027, which the calendar does not cover: that opinion is not judged, named; the others are judged",
    "S5.1 A2 A24", S51, {"units": V, "opinions": OP12}, "2026-12-01", "2026-12-31", "2027-01-20",
    {"findings": [], "by_rule": [tally("S5.1", 1, 1, 0, 1, {"calendar_not_covered": 1})],
     "records_not_judged": [{"rule": "S5.1", "subject": "O1", "reason": "calendar_not_covered",
                             "period": {"start": "2026-12-25", "end": "2026-12-25"}}],
     "provisional": False},
    policy={"rules": ["S5.1"]}))
cases.append(case(
    "12: weekends only beyond the calendar (opt-in): 2027-01-04 is a Monday, so feedback on 01-05 is a day late, provisionally",
    "S5.1 A2 A24", S51, {"units": V, "opinions": OP12}, "2026-12-01", "2026-12-31", "2027-01-20",
    {"findings": [dict(finding("S5.1", "feedback_late", "O1", "2026-12-25..2027-01-04", 10, 11), provisional=True)],
     "by_rule": [tally("S5.1", 2, 1, 1, 0, provisional=1)], "records_not_judged": [], "provisional": True},
    policy={"rules": ["S5.1"], "beyond_calendar": "weekends"}))
NOTICE_2027 = {"year": 2027, "notice": "国务院办公厅关于2027年部分节假日安排的通知 (illustrative)",
               "rest_days": [{"name": "元旦", "from": "2027-01-01", "to": "2027-01-03"}]}
OP12C = [{"id": "O3", "unit": "V1", "received": "2026-12-22", "responsibility": "within_remit", "fed_back": "2027-01-04"}]
cases.append(case(
    "12: weekends only: 2026-12-22 + 10 days = Friday 2027-01-01, a working day by the guess, so 01-04 is late (provisional)",
    "S5.1 A1 A2 A24", S51, {"units": V, "opinions": OP12C}, "2026-12-01", "2026-12-31", "2027-01-20",
    {"findings": [dict(finding("S5.1", "feedback_late", "O3", "2026-12-22..2027-01-01", 10, 13), provisional=True)]},
    policy={"rules": ["S5.1"], "beyond_calendar": "weekends"}))
cases.append(case(
    "12: the district adds the 2027 notice as data (calendar_years): New Year 01-01..01-03 moves the last day to Monday 01-04, on time",
    "S5.1 A1 A2", S51, {"units": V, "opinions": OP12C}, "2026-12-01", "2026-12-31", "2027-01-20",
    {"findings": [], "by_rule": [tally("S5.1", 1, 1, 0, 0, provisional=0)], "provisional": False},
    policy={"rules": ["S5.1"], "calendar_years": [NOTICE_2027]}))

# ---- 13. No sentinel date ----
cases.append(case(
    "13: a listed item of a commitment with no step dated: the vote is judged in the commitment's year; the steps are not judged",
    "S3.4 S3.5", "分六步进行。（一）提出初诺。（二）民主定诺。……同意票达到三分之二及以上的，列为承诺内容",
    {"units": V, "commitments": [{"id": "C1", "unit": "V1", "year": 2009, "kind": "annual", "committee": "party",
                                  "items": [{"id": "I1", "approve": 19, "disapprove": 11, "listed": True}]}]},
    "2009-01-01", "2009-12-31", "2010-01-10",
    {"findings": [finding("S3.5", "listed_without_adoption", "C1/I1", "2009", 20, 19, start="2009-01-01", end="2009-12-31")],
     "by_rule": [tally("S3.4", 0, 0, 0, 1, {"missing_dates": 1}), tally("S3.5", 1, 0, 1, 0)],
     "records_not_judged": [{"rule": "S3.4", "subject": "C1", "reason": "missing_dates",
                             "period": {"label": "2009", "start": "2009-01-01", "end": "2009-12-31"}}]},
    policy={"rules": ["S3.4", "S3.5"]}))

# ---- 14. Reading: duplicate keys, BOM; no_ballots names the record ----
cases.append(case(
    "14: the same key twice in the dataset is refused, never one list silently dropped",
    "S2.6", "基层党组织每月召开一次民情分析会",
    None, "2009-01-01", "2009-01-31", "2009-02-10",
    {"error": {"code": "invalid_json"}},
    dataset_json='{"units": [{"id": "V1", "level": "village"}], "meetings": [{"unit": "V1", "date": "2009-01-05"}], "meetings": []}'))
cases.append(case(
    "14: a UTF-8 byte order mark before the JSON is accepted",
    "S2.6", "基层党组织每月召开一次民情分析会",
    None, "2009-01-01", "2009-01-31", "2009-02-10",
    {"findings": [], "by_rule": [tally("S2.6", 1, 1, 0, 0)]},
    policy={"rules": ["S2.6"]},
    dataset_json='\ufeff{"units": [{"id": "V1", "level": "village"}], "meetings": [{"unit": "V1", "date": "2009-01-05"}]}'))
cases.append(case(
    "14: an evaluation and a vote with no ballot are not judged, each named, and the report goes on",
    "S3.5 S3.7 S3.8 A5", "以无记名方式，根据述职情况进行满意度测评。“不满意”票超过30％的为不合格",
    {"units": V + [{"id": "V2", "level": "village", "parent": "T1"}],
     "evaluations": [{"unit": "V1", "year": 2009, "satisfied": 0}, {"unit": "V2", "year": 2009, "satisfied": 80, "dissatisfied": 20, "combined": "qualified"}],
     "commitments": [{"id": "C1", "unit": "V1", "year": 2009, "kind": "annual", "committee": "party", "voted": "2009-01-10",
                      "items": [{"id": "I1", "approve": 0, "disapprove": 0, "listed": True}]}]},
    "2009-01-01", "2009-12-31", "2010-01-10",
    {"findings": [],
     "by_rule": [tally("S3.5", 0, 0, 0, 1, {"no_ballots": 1}), tally("S3.7", 1, 1, 0, 1, {"no_ballots": 1}),
                 tally("S3.8", 1, 1, 0, 1, {"no_ballots": 1})],
     "records_not_judged": [
         {"rule": "S3.5", "unit": "V1", "subject": "C1/I1", "reason": "no_ballots"},
         {"rule": "S3.7", "unit": "V1", "subject": "V1", "period": {"label": "2009"}, "reason": "no_ballots"},
         {"rule": "S3.8", "unit": "V1", "subject": "V1", "period": {"label": "2009"}, "reason": "no_ballots"}]},
    policy={"rules": ["S3.5", "S3.7", "S3.8"]}))

json.dump({"description": "Judge what a district inspector would judge: no obligation silently dropped, no half credit, no report lost to one record",
           "cases": cases}, open(OUT, 'w'), ensure_ascii=False, indent=1)
open(OUT, 'a').write('\n')
