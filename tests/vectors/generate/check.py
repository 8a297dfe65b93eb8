# Writes tests/vectors/check.json as calls of the contract (see ../README.md). Expected
# findings are reasoned by hand, case by case: every finding as (rule, code, subject,
# period label), in report order, and the tallies (judged, met, not met, not judged) of the
# rules a case is about.
import json
import os
OUT=os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'check.json')
def c(name, rule, dataset, start, end, as_of, findings=None, by_rule=None, error=None, loc=None, policy=None, rules=None):
    d={"name":name,"rule":rule,"op":"check","request":{"dataset":dataset,"start":start,"end":end,"as_of":as_of}}
    ids=[r for r in rule.split() if r.startswith("S")]
    policy=dict(policy or {})
    if rules is not False and ids:
        policy.setdefault("rules", rules or ids)
    if policy: d["request"]["policy"]=policy
    if error:
        d["error"]={"code": error}
        if loc is not None: d["error"]["loc"]=loc
    else:
        d["match"]="subset"
        d["answer"]={"findings":[{"rule":r,"code":code,"subject":s,"period":{"label":p}} for r,code,s,p in findings]}
        if by_rule:
            d["answer"]["by_rule"]={"$contains":[{"key":k,"judged":j,"met":m,"not_met":n,"not_judged":nj} for k,(j,m,n,nj) in by_rule.items()]}
    return d
V=[{"id":"V1","level":"village","parent":"T1"},{"id":"T1","level":"town","parent":"D"},{"id":"D","level":"district"}]
def sec(id, unit, frm, to=None, role="secretary", **kw):
    p={"id":id,"unit":unit,"role":role,"from":frm}
    if to: p["to"]=to
    p.update(kw); return p
def rec(person, date, minutes=240): return {"person":person,"date":date,"minutes":minutes}
cases=[]
# ISO week 53 and New Year
cases.append(c("ISO week 2020-W53 runs across New Year; 2021-W01 without a reception","S1.3 A8",
  {"units":V,"people":[sec("S","V1","2019-01-01")],"receptions":[rec("S","2020-12-22"),rec("S","2021-01-02"),rec("S","2021-01-03",239)]},
  "2020-12-21","2021-01-10","2021-02-01",
  [["S1.3","too_few_receptions","S","2021-W01"]],{"S1.3":[3,2,1,0]}))
cases.append(c("a range starting on New Year's Day leaves week 53 not judged","S1.3 A8",
  {"units":V,"people":[sec("S","V1","2019-01-01")],"receptions":[rec("S","2021-01-05")]},
  "2021-01-01","2021-01-10","2021-02-01",[],{"S1.3":[1,1,0,1]}))
cases.append(c("239 minutes is less than half a day; 240 is half a day","S1.3 A7",
  {"units":V,"people":[sec("S","V1","2019-01-01")],"receptions":[rec("S","2021-01-05",239),rec("S","2021-01-12",240)]},
  "2021-01-04","2021-01-17","2021-02-01",[["S1.3","too_few_receptions","S","2021-W01"]],{"S1.3":[2,1,1,0]}))
cases.append(c("a week not over by as_of is not judged","S1.3 A8",
  {"units":V,"people":[sec("S","V1","2019-01-01")],"receptions":[]},
  "2021-01-04","2021-01-17","2021-01-16",[["S1.3","too_few_receptions","S","2021-W01"]],{"S1.3":[1,0,1,1]}))
# leap year month
cases.append(c("a reception on 2008-02-29 counts for February; March has none","S1.2",
  {"units":V,"people":[sec("TS","T1","2007-01-01")],"receptions":[rec("TS","2008-02-29",300)]},
  "2008-02-01","2008-03-31","2008-04-10",[["S1.2","too_few_receptions","TS","2008-03"]],{"S1.2":[2,1,1,0]}))
# join / leave mid-period
cases.append(c("a secretary joining on a Wednesday: that week is judged for nobody","S1.3 A8",
  {"units":V,"people":[sec("A","V1","2019-01-01","2021-01-12"),sec("B","V1","2021-01-13")],"receptions":[rec("A","2021-01-05"),rec("B","2021-01-19")]},
  "2021-01-04","2021-01-24","2021-02-01",[],{"S1.3":[2,2,0,2]}))
cases.append(c("a town member leaving mid-month: the month is not judged; the secretary's months are","S1.2 S1.4 A11",
  {"units":V,"people":[sec("TS","T1","2007-01-01"),sec("TM","T1","2007-01-01","2009-02-14",role="member")],
   "receptions":[rec("TS","2009-01-10"),rec("TS","2009-02-10"),rec("TM","2009-01-20",240)]},
  "2009-01-01","2009-02-28","2009-03-10",[],{"S1.2":[2,2,0,0],"S1.4":[1,1,0,1]}))
cases.append(c("district rota: only standing-committee members rotate","S1.1 S1.4",
  {"units":V,"people":[sec("DS","D","2007-01-01"),sec("DM","D","2007-01-01",role="member",standing_committee=True),sec("DX","D","2007-01-01",role="member")],
   "receptions":[rec("DS","2009-03-01"),rec("DS","2009-09-01",245)]},
  "2009-01-01","2009-12-31","2010-01-05",[["S1.4","rotation_missed","DM","2009"]],{"S1.1":[1,1,0,0],"S1.4":[1,0,1,0]}))
cases.append(c("district leaders: two visits a year each, every committee member","S2.1",
  {"units":V,"people":[sec("DS","D","2007-01-01"),sec("DM","D","2007-01-01",role="member",standing_committee=True),sec("DX","D","2008-06-01",role="member")],
   "households":[{"id":"H1","unit":"V1"}],
   "visits":[{"person":"DS","household":"H1","date":d} for d in ["2009-01-01","2009-12-31"]]+[{"person":"DM","household":"H1","date":"2009-05-05"}]+[{"person":"DX","household":"H1","date":d} for d in ["2008-07-01","2008-08-01","2009-03-01","2009-04-01"]]},
  "2008-01-01","2009-12-31","2010-01-05",[["S2.1","too_few_visits","DM","2008"],["S2.1","too_few_visits","DM","2009"],["S2.1","too_few_visits","DS","2008"]],{"S2.1":[6,3,3,0]}))
# (A16: DX, in office 2008-06-01..2008-12-31 = 214 of 366 days, is asked 2 x 214 / 366 = 1.17 -> 1 visit in 2008, and made 2.)
# term spanning years
H=[{"id":"H1","unit":"V1","member":"M"},{"id":"H2","unit":"V1","member":"M"}]
cases.append(c("a term spanning four calendar years: six visits met, five not","S2.3 A9",
  {"units":V,"people":[sec("M","V1","2008-03-01",role="member")],"households":H,"terms":[{"unit":"V1","from":"2008-03-01","to":"2011-02-28"}],
   "visits":[{"person":"M","household":"H1","date":d} for d in ["2008-04-01","2009-01-05","2009-07-01","2010-01-05","2010-08-01","2011-02-28"]]+
            [{"person":"M","household":"H2","date":d} for d in ["2008-03-01","2009-01-05","2009-07-01","2010-01-05","2010-08-01","2011-03-01"]]},
  "2008-01-01","2011-12-31","2012-01-10",[["S2.3","household_under_visited","H2","2008-03-01..2011-02-28"]]))
cases.append(c("a term not over by as_of is not judged","S2.3 A8 A9",
  {"units":V,"people":[sec("M","V1","2008-03-01",role="member")],"households":H,"terms":[{"unit":"V1","from":"2008-03-01","to":"2011-02-28"}]},
  "2008-01-01","2011-12-31","2010-06-30",[],{"S2.3":[2,2,0,2]}))
cases.append(c("an unassigned household","S2.3",
  {"units":V,"people":[sec("M","V1","2008-03-01",role="member")],"households":[{"id":"H1","unit":"V1","member":"M"},{"id":"H2","unit":"V1"}]},
  "2009-01-01","2009-12-31","2010-01-10",[["S2.3","household_unassigned","H2","2009-01-01..2009-12-31"]],{"S2.3":[2,1,1,2]}))
# (A18: the term counted from M's first day, 2008-03-01..2011-02-28, is cut by the range: each household's visits per term are not judged.)
# five must-visits
E={"units":V,"people":[sec("S","V1","2007-01-01")],"households":[{"id":"H1","unit":"V1","member":"S"}],
   "household_events":[{"id":"E1","household":"H1","kind":"hospital","date":"2008-12-01"},{"id":"E2","household":"H1","kind":"disaster","date":"2009-01-10"},
                       {"id":"E3","household":"H1","kind":"wedding_or_funeral","date":"2008-10-20"}],
   "visits":[{"person":"S","household":"H1","date":"2008-12-01"}]}
cases.append(c("五必访: a visit on the event day meets it; a window closing after as_of is not judged","S2.4 A10",
  E,"2008-10-01","2009-01-31","2009-02-01",[["S2.4","must_visit_missed","E3","2008-10-20..2008-11-19"]],{"S2.4":[2,1,1,1]}))
cases.append(c("五必访 with a 7-day window (a district's policy)","S2.4 A10",
  E,"2008-10-01","2009-01-31","2009-02-01",[["S2.4","must_visit_missed","E2","2009-01-10..2009-01-17"],["S2.4","must_visit_missed","E3","2008-10-20..2008-10-27"]],{"S2.4":[3,1,2,0]},policy={"must_visit_window_days":7}))
# aid 499.99 / 500.00
A={"units":V,"households":[{"id":"H1","unit":"V1","poor":True},{"id":"H2","unit":"V1","poor":True}],
   "links":[{"id":"L1","kind":"branch_link","helper":"D","unit":"V1","from":"2008-01-01"}],"deeds":[{"link":"L1","date":"2009-03-01"},{"link":"L1","date":"2009-12-31"}],
   "pairings":[{"id":"P1","household":"H1","from":"2008-06-01"},{"id":"P2","household":"H2","from":"2008-06-01"}],
   "aid":[{"pairing":"P1","date":"2009-05-01","amount_fen":49999},{"pairing":"P2","date":"2009-05-01","amount_fen":20000},{"pairing":"P2","date":"2009-11-30","amount_fen":30000}]}
# Pairings from 1 January: their own years (A17) are the calendar years.
A_JAN={**A,"pairings":[{**p,"from":"2008-01-01"} for p in A["pairings"]]}
cases.append(c("499.99 yuan falls short; 200.00 + 300.00 = 500.00 yuan meets","S4.3 A14",A_JAN,"2009-01-01","2009-12-31","2010-01-10",
  [["S4.3","aid_below_minimum","P1","2009"]],{"S4.1":[3,3,0,0],"S4.2":[1,1,0,0],"S4.3":[2,1,1,0]},rules=["S4"]))
cases.append(c("a district asking 300 yuan: 499.99 is enough","S4.3",A_JAN,"2009-01-01","2009-12-31","2010-01-10",[],{"S4.3":[2,2,0,0]},policy={"pairing_min_fen_per_year":30000}))
cases.append(c("a pairing that starts mid-year is not judged that year","S4.3 A8",A,"2008-01-01","2008-12-31","2009-01-10",
  [["S4.2","too_few_deeds","L1","2008"]],{"S4.1":[3,3,0,0],"S4.3":[0,0,0,2],"S4.2":[1,0,1,0]},rules=["S4"]))
# opinions
O={"units":V,"opinions":[
  {"id":"O1","unit":"V1","received":"2008-09-25","responsibility":1,"fed_back":"2008-10-06","result":True,"closed":True},
  {"id":"O2","unit":"V1","received":"2008-09-25","responsibility":"职责内","fed_back":"2008-10-07","result":True,"closed":True},
  {"id":"O3","unit":"V1","received":"2008-12-22","responsibility":"lead_unit"},
  {"id":"O4","unit":"V1","received":"2008-12-01","responsibility":"within_remit","closed":True}]}
cases.append(c("1234: on time on the moved deadline, one day late, open, overdue, closed without feedback","S5.1 S5.4 S5.5 A2",O,"2008-09-01","2008-12-31","2009-01-05",
  [["S5.1","feedback_late","O2","2008-09-25..2008-10-06"],["S5.1","feedback_overdue","O4","2008-12-01..2008-12-11"],["S5.5","closed_without_result","O4","2008-12-01..2009-01-05"]],
  {"S5.1":[3,1,2,0],"S5.4":[0,0,0,1],"S5.5":[3,2,1,0]}))
# commitments and evaluations
C={"units":V,"terms":[{"unit":"V1","from":"2009-03-15","to":"2012-03-14"}],"commitments":[
  {"id":"C09T","unit":"V1","year":2009,"kind":"term","proposed":"2009-04-01","voted":"2009-04-10","approved":"2009-04-15","published":"2009-04-20",
   "items":[{"id":"I1","approve":20,"disapprove":10,"abstain":0,"listed":True},{"id":"I2","approve":19,"disapprove":10,"abstain":1,"listed":True},{"id":"I3","approve":19,"disapprove":11,"listed":False}]},
  {"id":"C09A","unit":"V1","year":2009,"kind":"annual","proposed":"2009-04-01","voted":"2009-04-10","approved":"2009-04-15","published":"2009-04-20"},
  {"id":"C10A","unit":"V1","year":2010,"kind":"annual","proposed":"2010-01-05","voted":"2010-01-04","published":"2010-02-01"}],
  "evaluations":[{"unit":"V1","year":2009,"satisfied":70,"dissatisfied":30,"combined":"qualified"},{"unit":"V1","year":2010,"satisfied":69,"dissatisfied":31,"combined":"unqualified"}]}
# One joint commitment of the two committees (A21) keeps these cases about A12 and the steps.
JOINT={"commitment_by":"joint"}
cases.append(c("commitments: first year of a term, a late annual one, steps out of order, an item listed short of 2/3, grades","S3.2 S3.4 S3.5 S3.7 S3.8 A12",C,"2009-01-01","2010-12-31","2011-01-10",
  [["S3.2","annual_commitment_missing","V1","2010"],["S3.4","steps_out_of_order","C10A","2010-01-04..2010-02-01"],["S3.5","listed_without_adoption","C09T/I2","2009-04-10..2009-04-10"],["S3.8","rectify_combined_unqualified","V1","2010"]],
  {"S3.2":[3,2,1,0],"S3.4":[3,2,1,0],"S3.5":[3,2,1,0],"S3.7":[2,2,0,0],"S3.8":[2,1,1,0]},policy=JOINT))
cases.append(c("a district allowing annual commitments until 28 February","S3.2 A12",C,"2009-01-01","2010-12-31","2011-01-10",
  [],{"S3.2":[3,3,0,0]},policy={"annual_commitment_by_month":2,"annual_commitment_by_day":28,**JOINT}))
# errors
cases.append(c("a visit to a household that does not exist","S2.3",{"units":V,"people":[sec("M","V1","2008-01-01")],"visits":[{"person":"M","household":"NOPE","date":"2009-01-01"}]},
  "2009-01-01","2009-12-31","2010-01-01",error="unknown_reference",loc=["dataset", "visits", 0, "household"]))
cases.append(c("a duplicate id","S1",{"units":V+[{"id":"V1","level":"village"}]},"2009-01-01","2009-12-31","2010-01-01",error="duplicate_id",loc=["dataset", "units", 3, "id"]))
cases.append(c("leaving office before joining","S1",{"units":V,"people":[sec("S","V1","2009-05-01","2009-04-30")]},"2009-01-01","2009-12-31","2010-01-01",error="invalid_period",loc=["dataset", "people", 0, "to"]))
cases.append(c("an impossible date","S1",{"units":V,"people":[sec("S","V1","2009-02-30")]},"2009-01-01","2009-12-31","2010-01-01",error="invalid_date",loc=["dataset", "people", 0, "from"]))
cases.append(c("negative minutes","S1.3 A7",{"units":V,"people":[sec("S","V1","2009-01-01")],"receptions":[rec("S","2009-01-05",-30)]},"2009-01-01","2009-12-31","2010-01-01",error="invalid_count",loc=["dataset", "receptions", 0, "minutes"]))
cases.append(c("an unknown key","S1",{"units":V,"peoples":[]},"2009-01-01","2009-12-31","2010-01-01",error="invalid_input",loc=["dataset","peoples"]))
cases.append(c("a household outside any village","S2.3",{"units":V,"households":[{"id":"H1","unit":"T1"}]},"2009-01-01","2009-12-31","2010-01-01",error="unknown_reference",loc=["dataset", "households", 0, "unit"]))
cases.append(c("a range that ends before it starts","A8",{"units":V},"2009-12-31","2009-01-01","2010-01-01",error="invalid_period",loc=["end"]))
cases.append(c("an opinion received after the records were taken","S5",{"units":V,"opinions":[{"id":"O1","unit":"V1","received":"2009-06-01","responsibility":1}]},"2009-01-01","2009-12-31","2009-05-01",error="after_as_of",loc=["dataset", "opinions", 0, "received"]))
cases.append(c("an opinion fed back after the records were taken","S5",{"units":V,"opinions":[{"id":"O1","unit":"V1","received":"2009-04-01","responsibility":1,"fed_back":"2009-05-02"}]},"2009-01-01","2009-12-31","2009-05-01",error="after_as_of",loc=["dataset", "opinions", 0, "fed_back"]))
cases.append(c("五必访 window boundary: a visit on day 30 is within it, on day 31 it is not","S2.4 A10 A14",
  {"units":V,"people":[sec("S","V1","2007-01-01")],"households":[{"id":"H1","unit":"V1","member":"S"},{"id":"H2","unit":"V1","member":"S"}],
   "household_events":[{"id":"E1","household":"H1","kind":"accident","date":"2008-11-01"},{"id":"E2","household":"H2","kind":"accident","date":"2008-11-01"}],
   "visits":[{"person":"S","household":"H1","date":"2008-12-01"},{"person":"S","household":"H2","date":"2008-12-02"}]},
  "2008-10-01","2008-12-31","2009-01-10",[["S2.4","must_visit_missed","E2","2008-11-01..2008-12-01"]],{"S2.4":[2,1,1,0]}))
cases.append(c("年初 boundary: an annual commitment made public on 31 January is in time, on 1 February it is not","S3.2 A12",
  {"units":V,"terms":[{"unit":"V1","from":"2008-03-01","to":"2011-02-28"}],
   "commitments":[{"id":"A09","unit":"V1","year":2009,"kind":"annual","published":"2009-01-31"},{"id":"A10","unit":"V1","year":2010,"kind":"annual","published":"2010-02-01"}]},
  "2009-01-01","2010-12-31","2011-01-10",[["S3.2","annual_commitment_missing","V1","2010"]],{"S3.2":[2,1,1,0]},policy=JOINT))
cases.append(c("两件 boundary: two deeds in a year meet S4.2, one does not","S4.2 A14",
  {"units":V+[{"id":"O1","level":"organisation"},{"id":"V2","level":"village","parent":"T1"}],
   "links":[{"id":"L1","kind":"branch_link","helper":"O1","unit":"V1","from":"2008-01-01"},{"id":"L2","kind":"branch_link","helper":"O1","unit":"V2","from":"2008-01-01"}],
   "deeds":[{"link":"L1","date":"2009-01-01"},{"link":"L1","date":"2009-12-31"},{"link":"L2","date":"2009-06-01"},{"link":"L2","date":"2010-01-01"}]},
  "2009-01-01","2009-12-31","2010-01-10",[["S4.2","too_few_deeds","L2","2009"]],{"S4.2":[2,1,1,0]}))
cases.append(c("an empty dataset judges nothing","A8",{},"2009-01-01","2009-12-31","2010-01-01",[],{}))
cases.append(c("every rule at once on one village with no records","S1 S2 S3 S4 S5",
  {"units":V,"people":[sec("S","V1","2007-01-01")],"households":[{"id":"H1","unit":"V1","member":"S","poor":True}]},
  "2009-01-01","2009-01-31","2009-02-10",
  [["S1.3","too_few_receptions","S","2009-W02"],["S1.3","too_few_receptions","S","2009-W03"],["S1.3","too_few_receptions","S","2009-W04"],
   ["S2.6","meeting_missing","V1","2009-01"],["S3.2","annual_commitment_missing","V1/party","2009"],["S3.2","annual_commitment_missing","V1/villagers","2009"]],
  {"S1.3":[3,0,3,2],"S2.3":[1,1,0,1],"S2.6":[1,0,1,0],"S3.2":[2,0,2,0],"S3.7":[0,0,0,1],"S3.8":[0,0,0,1],"S4.1":[0,0,0,2]},rules=False))
# (A18: the term counted from S's first day, 2007-01-01..2009-12-31, is cut by the range: S2.3 per term is not judged;
#  A21: each committee owes its own annual commitment; S3.8 is counted with S3.7.)
cases.append(c("a rule filter that names no rule","A8",{},"2009-01-01","2009-12-31","2010-01-01",error="invalid_policy",loc=["policy","rules",0],policy={"rules":["S9"]},rules=False))
json.dump({"description":"S1-S5: the compliance check on small datasets","cases":cases},open(OUT,'w'),ensure_ascii=False,indent=1)
open(OUT,'a').write('\n')
