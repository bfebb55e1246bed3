:- encoding(utf8).
/*  Each check, given a KB with one defect added, reports it; the shipped KB
    has no errors.  Defects are added inside snapshot/1 and rolled back.  */

:- begin_tests(checks).

%   findings(+Defect, -Findings): the static findings with Defect in the KB.
findings(Defect, Findings) :-
    snapshot(( call(Defect),
               findall(F, pyreason_check:static_finding(F), Findings) )).

has(Findings, Severity, Check) :-
    memberchk(finding(Severity, Check, _, _, _, _, _), Findings).

%   reports(+Defect, +Severity, +Check) is semidet: Defect yields such a finding.
reports(Defect, Severity, Check) :-
    findings(Defect, Fs),
    has(Fs, Severity, Check).

add(Clause) :- assertz(pyreason_kb:Clause).

test("the shipped KB has no errors", true(Errors == [])) :-
    findall(C, pyreason_check:static_finding(finding(error, C, _, _, _, _, _)), Errors).

test("the shipped KB reports the regulation's own gaps as warnings", true(N >= 16)) :-
    aggregate_all(count, pyreason_check:static_finding(finding(warning, regulation_gap, _, _, _, _, _)), N).

test("drift: 分管院长 and 分管副院长 are both found in the text", true(Found == true)) :-
    pyreason_check:static_finding(finding(warning, drift, Msg, _, _, _, _)),
    sub_string(Msg, _, _, _, "分管院长"), sub_string(Msg, _, _, _, "分管副院长"), !, Found = true.

test("a citation to an item that does not exist") :-
    reports(add(decides(release_funds, '局长', '批准', c(7,1,9))), error, citations).

test("an encoded cross-reference that does not resolve") :-
    reports(add(cross_reference(c(9,1,2), [c(7,2,1)])), error, cross_references).

test("an encoded cross-reference that disagrees with the text of 9(1)") :-
    reports(( retract(pyreason_kb:cross_reference(c(9,1,1), _)),
               add(cross_reference(c(9,1,1), [c(7,1,1), c(7,1,2), c(7,1,3)])) ), error, cross_references).

test("a role no vocabulary declares") :-
    reports(add(reports_to('处座', '局长', [c(1,4,null)], [])), error, vocabulary).

test("a cycle of reporting lines") :-
    reports(add(reports_to('局长', '团队长', [c(1,5,null)], [])), error, reporting_cycle).

test("a meeting without a chair") :-
    reports(retractall(pyreason_kb:meeting_chair('团队长联席会议', _, _)), error, meetings).

test("two approvers of one matter") :-
    reports(add(decides(release_funds, '副局长', '批准', c(7,1,3))), error, matters).

test("a matter no rule decides") :-
    reports(add(matter(orphan, '无人决定的事项', c(13,1,null))), error, matters).

test("a gap used but never recorded") :-
    reports(add((approver_note(x) :- member(gap(g_not_recorded), []))), error, readings).

test("a paragraph no rule encodes") :-
    reports(add(paragraph(15, 2, "新增的一款。")), warning, coverage).

test("a paragraph with a recorded reason is not a finding", fail) :-
    reports(( add(paragraph(15, 2, "新增的一款。")),
              add(not_encoded(c(15,2,null), "测试：说明不编码的理由")) ), warning, coverage).

test("a matter that is neither approved nor a recorded gap") :-
    reports(( add(matter(odd, '无人审批的事项', c(13,1,null))),
              add(decides(odd, null, '决定', c(13,1,null))) ), error, exhaustive_approver).

:- end_tests(checks).
