:- encoding(utf8).
/*  Tests for 第九条【同级岗位替补】. */
:- begin_tests(article_9).

sub(S, For, Facts, F, T) :-
    with_scenario(Facts, q_substitution(S, For, F, T)).

%   9(1) "同级岗位之间因工作需要可以相互替补。替补须经局长批准，替补期限不超过三十日。"
test("same level, approved, 30 days: allowed", true(A-L == true-30)) :-
    sub('执行法官', '执行法官', [approved_by_director, duration(duration(30, day))], F, T),
    get_dict(allowed, F, A), get_dict(time_limit_days, F, L),
    memberchk(interp(i_thirty_days_inclusive), T).

test("same level, approved, 31 days: not allowed", true(A == false)) :-
    sub('执行法官', '执行法官', [approved_by_director, duration(duration(31, day))], F, T),
    get_dict(allowed, F, A),
    memberchk(step(beyond_limit, [31, 30], [c(9,1,null)]), T).

test("same level, not approved: not allowed", true(A-B == false-'局长')) :-
    sub('团队长', '团队长', [duration(duration(3, day))], F, _),
    get_dict(allowed, F, A), get_dict(approval_by, F, B).

test("the director away: the executive deputy approves for him", true(B-BF == '常务副局长'-'局长')) :-
    sub('团队长', '团队长', [approved_by_director, absent('局长')], F, _),
    get_dict(approval_by, F, B), get_dict(approval_acting_for, F, BF).

%   9(2) "上级岗位与下级岗位之间不得相互替补"
test("a higher post may not cover a lower one", true(A == false)) :-
    sub('团队长', '执行法官', [approved_by_director], F, T),
    get_dict(allowed, F, A),
    memberchk(step(reverse_refused, ['团队长', '执行法官'], [c(9,2,null), c(2,2,null)]), T).

%   9(2) "上级岗位人员不在岗的，依照本规则第五条的规定办理"
test("a lower post may not cover a higher one; Art 5 instead", true(A == false)) :-
    sub('常务副局长', '局长', [approved_by_director], F, T),
    get_dict(allowed, F, A),
    memberchk(step(acting_instead, ['局长'], [c(5,1,null)]), T).

test("there is only one director", throws(input_error(same_post, for, '局长'))) :-
    sub('局长', '局长', [], _, _).

test("a duration in months is refused", throws(input_error(duration_unit, 'facts.duration', month))) :-
    sub('书记员', '书记员', [approved_by_director, duration(duration(1, month))], _, _).

:- end_tests(article_9).
