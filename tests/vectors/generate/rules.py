# Writes the shared vectors of the four rules, the policy and the calendar as calls of the
# contract (see ../README.md). The expected values are written here by hand from the source
# and the rule catalogue, never computed by liaison.
import json, os
OUT=os.path.join(os.path.dirname(os.path.abspath(__file__)), '..')
def w(name, op, cases, description, match=None):
    for case in cases:
        case["op"]=op
        if "skip" in case:
            case["skip"]=[x for x in case["skip"] if x!="rust"]
            if not case["skip"]: del case["skip"]
        if match and "answer" in case: case["match"]=match
    cases=[{k: case[k] for k in ["name","rule","op","request","request_json","match","answer","error","skip"] if k in case} for case in cases]
    json.dump({"description": description, "cases": cases},
              open(os.path.join(OUT, name), 'w'), ensure_ascii=False, indent=1)
    open(os.path.join(OUT, name),'a').write('\n')

def c(name, rule, args, expect=None, error=None, policy=None, loc=None, skip=None, request_json=None):
    """A case: `args` and `policy` make the request; `loc` is the error's place."""
    d={"name": name, "rule": rule, "request": dict(args)}
    if policy is not None: d["request"]["policy"]=policy
    if request_json is not None:
        del d["request"]
        d["request_json"]=request_json
    if error is not None:
        d["error"]={"code": error}
        if loc is not None: d["error"]["loc"]=loc
    else: d["answer"]=expect
    if skip: d["skip"]=skip
    return d

D=lambda r,resp: {"received": r, "responsibility": resp}
w('deadline.json','deadline',[
 c("worked example 1: 10-05 is in the National Day holiday (09-29 to 10-05)","S5.1 A1 A2",D("2008-09-25","within_remit"),"2008-10-06"),
 c("worked example 2: 09-27 is a Saturday made a working day","S5.1 A2",D("2008-09-17","within_remit"),"2008-09-27"),
 c("worked example 3: New Year 01-01 to 01-03, Sunday 01-04 a working day","S5.1 A2",D("2008-12-22","within_remit"),"2009-01-04"),
 c("digit 1 as a number","S5.1",D("2008-09-25",1),"2008-10-06"),
 c("digit 1 as a string","S5.1",D("2008-09-25","1"),"2008-10-06"),
 c("Chinese label 职责内","S5.1",D("2008-09-25","职责内"),"2008-10-06"),
 c("plain weekday, no move","S5.1 A1",D("2008-03-04","within_remit"),"2008-03-14"),
 c("a plain Saturday moves to Monday","S5.1 A2",D("2008-03-05","within_remit"),"2008-03-17"),
 c("across a month end","S5.1 A1",D("2008-10-25","within_remit"),"2008-11-04"),
 c("Qingming 2008 (04-04 to 04-06) moves to Monday","S5.1 A2",D("2008-03-25","within_remit"),"2008-04-07"),
 c("leap day 2008-02-29 is a working Friday","S5.1 A1",D("2008-02-19","within_remit"),"2008-02-29"),
 c("leap day 2016-02-29 is a Monday","S5.1 A1",D("2016-02-19","within_remit"),"2016-02-29"),
 c("no leap day in 2009: 02-28 is a Saturday, moved to 03-02","S5.1 A2",D("2009-02-18","within_remit"),"2009-03-02"),
 c("Spring Festival 2008 (02-06 to 02-12) moves to 02-13","S5.1 A2",D("2008-01-28","within_remit"),"2008-02-13"),
 c("Spring Festival 2009 (01-25 to 01-31) moves onto Sunday 02-01, a working day","S5.1 A2",D("2009-01-21","within_remit"),"2009-02-01"),
 c("National Day 2019 (10-01 to 10-07) moves to 10-08","S5.1 A2",D("2019-09-21","within_remit"),"2019-10-08"),
 c("2007 May Day golden week (05-01 to 05-07) moves to 05-08","S5.1 A2",D("2007-04-21","within_remit"),"2007-05-08"),
 c("2015-09-03 victory day holiday (09-03 to 09-05) moves to Sunday 09-06, a working day","S5.1 A2",D("2015-08-24","within_remit"),"2015-09-06"),
 c("2020 Spring Festival extension: 02-01 is no longer a working day","S5.1 A2",D("2020-01-22","within_remit"),"2020-02-03"),
 c("20 days, outside remit, counted from the upper level's receipt","S5.2 A13",D("2008-01-31","outside_remit"),"2008-02-20"),
 c("20 days ending in National Day 2008","S5.2 A2",D("2008-09-10","outside_remit"),"2008-10-06"),
 c("30 days, cannot be solved","S5.3 A2",D("2008-09-05","unresolvable"),"2008-10-06"),
 c("30 days by label 不能解决","S5.3",D("2008-06-01","不能解决"),"2008-07-01"),
 c("40 days, lead unit, ending on a Sunday after New Year 2021","S5.4 A2",D("2020-12-01","lead_unit"),"2021-01-11"),
 c("40 days by digit 4 across New Year 2008","S5.4 A2",D("2007-11-22",4),"2008-01-02"),
 c("received before the calendar starts, deadline inside it","A2",D("2006-12-31","within_remit"),"2007-01-10"),
 c("the last covered day","A2",D("2026-12-21","within_remit"),"2026-12-31"),
 c("the first uncovered day","A2",D("2026-12-22","within_remit"),error="calendar_not_covered"),
 c("before the first covered year with a rest-day move","A2",D("2006-11-01","within_remit"),error="calendar_not_covered"),
 c("the move off: plain received + days, no calendar needed","A2",D("2026-12-22","within_remit"),"2027-01-01",policy={"move_rest_day": False}),
 c("the move off: worked example 1 stays on 10-05","A2",D("2008-09-25","within_remit"),"2008-10-05",policy={"move_rest_day": False}),
 c("receipt day counted (policy)","A1",D("2008-09-17","within_remit"),"2008-09-26",policy={"count_receipt_day": True}),
 c("working days instead of calendar days, across National Day 2008","A2",D("2008-09-25","within_remit"),"2008-10-14",policy={"day_count": "working"}),
 c("a district's own numbers: 7 days within remit","S5.1",D("2008-09-17","within_remit"),"2008-09-24",policy={"within_remit_days": 7}),
 c("a district's own 2027 calendar year extends the built-in one","A2",D("2026-12-22","within_remit"),"2027-01-04",
   policy={"calendar_years":[{"year":2027,"notice":"a district's test calendar","rest_days":[{"name":"元旦","from":"2027-01-01","to":"2027-01-03"}],"working_days":[]}]}),
 c("built-in calendar turned off and nothing given","A2",D("2008-09-25","within_remit"),error="calendar_not_covered",policy={"calendar_builtin": False}),
 c("digit 5 is no class","S5",D("2008-09-25",5),error="invalid_responsibility",loc=["responsibility"]),
 c("digit 0 is no class","S5",D("2008-09-25","0"),error="invalid_responsibility",loc=["responsibility"]),
 c("unknown name","S5",D("2008-09-25","urgent"),error="invalid_responsibility",loc=["responsibility"]),
 c("2009-02-29 does not exist","S5",D("2009-02-29","within_remit"),error="invalid_date",loc=["received"]),
 c("not ISO","S5",D("25/09/2008","within_remit"),error="invalid_date",loc=["received"]),
 c("month without leading zero","S5",D("2008-9-25","within_remit"),error="invalid_date",loc=["received"]),
],"S5.1-S5.4: the last day on which a matter may still be finished and fed back")

F=lambda r,resp,fb=None,ao=None: {k:v for k,v in {"received":r,"responsibility":resp,"fed_back":fb,"as_of":ao}.items() if v is not None}
S=lambda dl,st,days: {"deadline":dl,"status":st,"days":days}
w('feedback_status.json','feedback_status',[
 c("fed back on the deadline","S5.1 A1",F("2008-09-25","within_remit","2008-10-06"),S("2008-10-06","on_time",0)),
 c("fed back one day after the deadline","S5.1",F("2008-09-25","within_remit","2008-10-07"),S("2008-10-06","late",1)),
 c("fed back one day before the deadline","S5.1",F("2008-09-25","within_remit","2008-10-05"),S("2008-10-06","on_time",1)),
 c("fed back on the day of receipt","S5.1",F("2008-09-25","within_remit","2008-09-25"),S("2008-10-06","on_time",11)),
 c("open on the deadline","S5.5",F("2008-09-25","within_remit",ao="2008-10-06"),S("2008-10-06","open",0)),
 c("overdue the day after","S5.5",F("2008-09-25","within_remit",ao="2008-10-07"),S("2008-10-06","overdue",1)),
 c("open with days left","S5.5",F("2008-09-25","within_remit",ao="2008-09-30"),S("2008-10-06","open",6)),
 c("as_of ignored when fed back","S5.1",F("2008-09-25","within_remit","2008-10-07","2008-09-26"),S("2008-10-06","late",1)),
 c("outside remit, 20 days from the upper level's receipt","S5.2 A13",F("2008-09-10","outside_remit","2008-10-06"),S("2008-10-06","on_time",0)),
 c("lead unit overdue by 98 days, across leap February","S5.4",F("2008-01-02",4,ao="2008-05-21"),S("2008-02-13","overdue",98)),
 c("fed back before receipt","S5",F("2008-09-25","within_remit","2008-09-24"),error="feedback_before_receipt",loc=["fed_back"]),
 c("neither fed back nor as_of","S5",F("2008-09-25","within_remit"),error="as_of_required",loc=["as_of"]),
 c("as_of before receipt","S5",F("2008-09-25","within_remit",ao="2008-09-24"),error="as_of_before_receipt",loc=["as_of"]),
 c("deadline beyond the calendar","A2",F("2026-12-22","within_remit","2026-12-23"),error="calendar_not_covered"),
 c("bad fed_back date","S5",F("2008-09-25","within_remit","2008-09-31"),error="invalid_date",loc=["fed_back"]),
 c("bad as_of date","S5",F("2008-09-25","within_remit",ao="yesterday"),error="invalid_date",loc=["as_of"]),
],"S5.1-S5.6: the deadline of a matter and whether it was met")

M=18446744073709551615
K=9223372036854775807
V=lambda a,d,ab=None,pr=None,en=None: {k:v for k,v in {"approve":a,"disapprove":d,"abstain":ab,"present":pr,"entitled":en}.items() if v is not None}
Q={"vote_quorum":{"numerator":1,"denominator":2,"inclusive":False}}
w('decide_vote.json','decide_vote',[
 c("approve exactly 2/3 (达到三分之二)","S3.5 A14",V(20,10,0),"adopted"),
 c("approve one ballot above 2/3","S3.5",V(21,9,0),"adopted"),
 c("approve one ballot below 2/3, disapprove one above 1/3","S3.5",V(19,11,0),"rejected"),
 c("disapprove exactly 1/3 is not 超过三分之一","S3.5 A4 A14",V(19,10,1),"not_adopted"),
 c("many abstentions: neither listed nor redrafted","A4",V(19,9,2),"not_adopted"),
 c("smallest adopted: 2 of 3","S3.5",V(2,1),"adopted"),
 c("one third each","A4",V(1,1,1),"not_adopted"),
 c("smallest rejected: 2 of 3 disapprove","S3.5",V(1,2),"rejected"),
 c("abstain defaults to 0","S3.5",V(2,1),"adopted"),
 c("only abstentions","A4",V(0,0,5),"not_adopted"),
 c("one disapproving ballot","S3.5",V(0,1,0),"rejected"),
 c("one approving ballot","S3.5",V(1,0,0),"adopted"),
 c("zero ballots","A5",V(0,0,0),error="no_ballots"),
 c("u64::MAX each: one third each","A14",V(M,M,M),"not_adopted",skip=["js"]),
 c("2/3 exactly at u64 scale","A14",V(2*K,K,0),"adopted",skip=["js"]),
 c("one ballot below 2/3 at u64 scale: disapprove then exceeds 1/3","A14",V(2*K-1,K,0),"rejected",skip=["js"]),
 c("2/3 exactly at the largest safe JS integer scale","A14",V(6004799503160660,3002399751580330,0),"adopted"),
 c("one below at the largest safe JS integer scale","A14",V(6004799503160659,3002399751580330,0),"rejected"),
 c("negative count","S3.5",V(-1,10,0),error="invalid_count",loc=["approve"],skip=["rust"]),
 c("fractional count","S3.5",V(20,2.5,0),error="invalid_count",loc=["disapprove"],skip=["rust"]),
 c("count above u64::MAX","S3.5",V(20,10,M+1),error="invalid_count",loc=["abstain"],skip=["rust","js"]),
 c("quorum (more than half present): exactly half is not enough","A15",V(20,10,0,30,60),"no_quorum",policy=Q),
 c("quorum: one more than half","A15",V(20,10,0,31,60),"adopted",policy=Q),
 c("quorum asked, attendance not given","A15",V(20,10,0),error="attendance_required",policy=Q),
 c("more present than entitled","A15",V(20,10,0,70,60),error="invalid_attendance",policy=Q),
 c("more ballots than present","A15",V(20,10,0,29,60),error="invalid_attendance",policy=Q),
 c("nobody entitled","A15",V(0,0,0,0,0),error="invalid_attendance",policy=Q),
 c("shares of those present (A5 policy): 20/31 is short of 2/3, 10/31 not over 1/3","A5",V(20,10,0,31,40),"not_adopted",policy={"vote_base":"present"}),
 c("shares of those entitled without attendance","A5",V(20,10,0),error="attendance_required",policy={"vote_base":"entitled"}),
 c("attendance given without a quorum policy is checked but not needed","A15",V(20,10,0,30,30),"adopted"),
 c("a district asking 3/4","S3.5",V(20,10,0),"not_adopted",policy={"vote_adopt":{"numerator":3,"denominator":4,"inclusive":True}}),
 c("a district asking 3/4: exactly 3/4","S3.5",V(30,10,0),"adopted",policy={"vote_adopt":{"numerator":3,"denominator":4,"inclusive":True}}),
],"S3.5: the vote on a proposed commitment item")

G=lambda s,b,d: {"satisfied":s,"basically_satisfied":b,"dissatisfied":d}
k=1844674407370955161; j=900719925474099
w('grade.json','grade',[
 c("dissatisfied exactly 30% is not 超过30%; satisfied 70% is 达到70%","S3.7 A14",G(70,0,30),"qualified"),
 c("dissatisfied one ballot over 30%","S3.7",G(69,0,31),"unqualified"),
 c("dissatisfied one ballot under 30%","S3.7",G(71,0,29),"qualified"),
 c("satisfied one ballot under 70%, dissatisfied exactly 30%","A3",G(69,1,30),"undetermined"),
 c("satisfied exactly 70% with basically satisfied","S3.7 A6",G(70,30,0),"qualified"),
 c("satisfied one under 70%: undetermined, never silently qualified","A3",G(69,31,0),"undetermined"),
 c("satisfied exactly 90% is not 超过90%","S3.7 A14",G(90,10,0),"qualified"),
 c("satisfied one over 90%","S3.7",G(91,9,0),"excellent"),
 c("satisfied one under 90%","S3.7",G(89,11,0),"qualified"),
 c("all satisfied","S3.7",G(1,0,0),"excellent"),
 c("all dissatisfied","S3.7",G(0,0,1),"unqualified"),
 c("only basically satisfied","A3 A6",G(0,1,0),"undetermined"),
 c("defaults for basically satisfied and dissatisfied","S3.7",{"satisfied":5},"excellent"),
 c("zero ballots","A6",G(0,0,0),error="no_ballots"),
 c("30% exactly at u64 scale","A14",G(7*k,0,3*k),"qualified",skip=["js"]),
 c("one over 30% at u64 scale","A14",G(7*k-1,0,3*k+1),"unqualified",skip=["js"]),
 c("u64::MAX satisfied only","A14",G(M,0,0),"excellent",skip=["js"]),
 c("u64::MAX each","A14",G(M,M,M),"unqualified",skip=["js"]),
 c("30% exactly at the largest safe JS integer scale","A14",G(7*j,0,3*j),"qualified"),
 c("one over 30% at the largest safe JS integer scale","A14",G(7*j-1,0,3*j+1),"unqualified"),
 c("policy: basically satisfied counts as satisfied","A6",G(60,10,30),"qualified",policy={"basically_satisfied_as":"satisfied"}),
 c("policy: basically satisfied counts as dissatisfied","A6",G(69,2,29),"unqualified",policy={"basically_satisfied_as":"dissatisfied"}),
 c("policy: undetermined maps to qualified","A3",G(69,31,0),"qualified",policy={"undetermined_as":"qualified"}),
 c("a district with 80% for qualified","S3.7",G(79,21,0),"undetermined",policy={"grade_qualified":{"numerator":80,"denominator":100,"inclusive":True}}),
 c("negative count","S3.7",G(-3,0,0),error="invalid_count",loc=["satisfied"],skip=["rust"]),
 c("count above u64::MAX","S3.7",G(1,M+1,0),error="invalid_count",loc=["basically_satisfied"],skip=["rust","js"]),
],"S3.7: the grade of a year-end satisfaction ballot")

Y=lambda y,s,d,b=0,comb=None: dict({"year":y,"satisfied":s,"basically_satisfied":b,"dissatisfied":d},**({"combined":comb} if comb else {}))
R=lambda y,a,r: {"year":y,"action":a,"reason":r}
w('consequences.json','consequences',[
 c("two unqualified years in a row","S3.8",{"years":[Y(2009,60,40),Y(2010,40,60)]},
   [R(2009,"rectify","combined_unqualified"),R(2010,"rectify","dissatisfaction_over_half"),R(2010,"rectify","combined_unqualified"),R(2010,"resign","unqualified_two_years")]),
 c("unqualified years with a gap are not consecutive","S3.8",{"years":[Y(2009,60,40),Y(2011,60,40)]},
   [R(2009,"rectify","combined_unqualified"),R(2011,"rectify","combined_unqualified")]),
 c("three years in a row: resign in the second and third","S3.8",{"years":[Y(2011,60,40),Y(2009,60,40),Y(2010,60,40)]},
   [R(2009,"rectify","combined_unqualified"),R(2010,"rectify","combined_unqualified"),R(2010,"resign","unqualified_two_years"),R(2011,"rectify","combined_unqualified"),R(2011,"resign","unqualified_two_years")]),
 c("dissatisfied exactly 50% is not 超过50%","S3.8 A14",{"years":[Y(2009,50,50)]},[R(2009,"rectify","combined_unqualified")]),
 c("dissatisfied one over 50%","S3.8",{"years":[Y(2009,49,51)]},[R(2009,"rectify","dissatisfaction_over_half"),R(2009,"rectify","combined_unqualified")]),
 c("combined grade qualified overrides an unqualified ballot","S3.7 S3.8",{"years":[Y(2009,60,40,comb="qualified")]},[]),
 c("combined grade unqualified after a good ballot","S3.7 S3.8",{"years":[Y(2009,95,5,comb="unqualified")]},[R(2009,"rectify","combined_unqualified")]),
 c("over half dissatisfied with a qualified combined grade still calls for rectification","S3.8",{"years":[Y(2009,40,60,comb="qualified")]},[R(2009,"rectify","dissatisfaction_over_half")]),
 c("good years: nothing","S3.8",{"years":[Y(2009,80,10,10),Y(2010,95,5)]},[]),
 c("undetermined is not unqualified","A3 S3.8",{"years":[Y(2009,60,10,30),Y(2010,60,10,30)]},[]),
 c("no years","S3.8",{"years":[]},[]),
 c("a district resigning after three years","S3.8",{"years":[Y(2009,60,40),Y(2010,60,40)]},
   [R(2009,"rectify","combined_unqualified"),R(2010,"rectify","combined_unqualified")],policy={"resign_after_unqualified_years":3}),
 c("the same year twice","S3.8",{"years":[Y(2009,60,40),Y(2009,80,20)]},error="duplicate_year",loc=["years",1]),
 c("a year without ballots","S3.8 A6",{"years":[Y(2009,0,0)]},error="no_ballots",loc=["years",0]),
 c("an unknown combined grade","S3.7",{"years":[Y(2009,80,20,comb="good")]},error="invalid_grade",loc=["years",0,"combined"]),
 c("a negative count","S3.8",{"years":[Y(2009,80,-20)]},error="invalid_count",loc=["years", 0, "dissatisfied"]),
 c("a missing year","S3.8",{"years":[{"satisfied":1}]},error="invalid_input",loc=["years", 0, "year"]),
 c("an unknown key","S3.8",{"years":[dict(Y(2009,1,0),grade="qualified")]},error="invalid_input",loc=["years",0,"grade"]),
],"S3.8: what follows from year-end evaluations")

w('policy.json','policy',[
 c("empty JSON is Banan 2008","A1-A15",{},{"within_remit_days":10,"outside_remit_days":20,"unresolvable_days":30,"lead_unit_days":40,"reception_min_minutes":240,"vote_adopt":{"numerator":2,"denominator":3,"inclusive":True},"vote_reject":{"numerator":1,"denominator":3,"inclusive":False},"grade_unqualified":{"numerator":30,"denominator":100,"inclusive":False},"grade_qualified":{"numerator":70,"denominator":100,"inclusive":True},"grade_excellent":{"numerator":90,"denominator":100,"inclusive":False},"pairing_min_fen_per_year":50000,"must_visit_window_days":30,"term_years":3,"annual_commitment_by_month":1,"annual_commitment_by_day":31,"vote_quorum":None,"undetermined_as":None,"basically_satisfied_as":"neither","vote_base":"ballots","day_count":"calendar","move_rest_day":True,"count_receipt_day":False},policy={}),
 c("a partial JSON takes the rest from Banan 2008","S5.1",{},{"within_remit_days":7,"outside_remit_days":20},policy={"within_remit_days":7}),
 c("an unknown key","A1-A15",{},error="invalid_policy",policy={"within_remit":7},loc=["policy","within_remit"]),
 c("a duplicate key in the request's text","A1-A15",{},error="invalid_json",request_json='{"policy": {"within_remit_days": 7, "within_remit_days": 8}}'),
 c("malformed JSON","A1-A15",{},error="invalid_json",request_json='{"policy": {"within_remit_days": '),
 c("a value of the wrong type","S5.1",{},error="invalid_policy",policy={"within_remit_days":"ten"},loc=["policy","within_remit_days"]),
 c("a negative number of days","S5.1",{},error="invalid_policy",policy={"within_remit_days":-1},loc=["policy","within_remit_days"]),
 c("a threshold with a zero denominator","S3.5",{},error="invalid_policy",policy={"vote_adopt":{"numerator":2,"denominator":0,"inclusive":True}},loc=["policy","vote_adopt"]),
 c("a threshold above 1","S3.7",{},error="invalid_policy",policy={"grade_qualified":{"numerator":7,"denominator":5,"inclusive":True}},loc=["policy","grade_qualified"]),
 c("a day that does not exist","A12",{},error="invalid_policy",policy={"annual_commitment_by_month":2,"annual_commitment_by_day":30},loc=["policy","annual_commitment_by_day"]),
 c("a calendar working day that is a weekday","A2",{},error="invalid_calendar",policy={"calendar_years":[{"year":2027,"notice":"test","rest_days":[],"working_days":["2027-01-06"]}]}),
 c("a calendar period ending before it starts","A2",{},error="invalid_calendar",policy={"calendar_years":[{"year":2027,"notice":"test","rest_days":[{"name":"元旦","from":"2027-01-03","to":"2027-01-01"}],"working_days":[]}]}),
],"Policy: loading from JSON, partial and strict; an answer names the fields it pins",match="subset")

RD=lambda d: {"date": d}
w('is_rest_day.json','is_rest_day',[
 c("National Day 2008","A2",RD("2008-10-05"),True),
 c("Saturday made a working day","A2",RD("2008-09-27"),False),
 c("Sunday made a working day","A2",RD("2009-01-04"),False),
 c("New Year's Day 2007, the first covered year","A2",RD("2007-01-01"),True),
 c("an ordinary Sunday","A2",RD("2008-03-16"),True),
 c("an ordinary Wednesday","A2",RD("2008-03-19"),False),
 c("leap day 2008","A2",RD("2008-02-29"),False),
 c("2015-09-03 victory day","A2",RD("2015-09-03"),True),
 c("2020-02-01, a make-up day cancelled by the epidemic extension","A2",RD("2020-02-01"),True),
 c("the last covered day","A2",RD("2026-12-31"),False),
 c("the day before the calendar starts","A2",RD("2006-12-31"),error="calendar_not_covered"),
 c("the first uncovered day","A2",RD("2027-01-01"),error="calendar_not_covered"),
 c("a bad date","A2",RD("2008-13-01"),error="invalid_date",loc=["date"]),
],"A2: rest days of the holiday calendar")
