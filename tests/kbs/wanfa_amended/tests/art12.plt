:- encoding(utf8).
/*  Tests for 第十二条【岗位职责替补】 (Article 12: covering for another post).

    The regulation does not rank the non-leadership posts, so these tests
    give the ladder in the scenario (ladder/1) rather than rely on the KB's
    default.
*/
:- use_module(library(plunit)).

:- begin_tests(article_12).

ladder(ladder(['执行法官', '法官助理', '书记员'])).

sub(S, For, Scope, Facts, F, T) :-
    ladder(L),
    with_scenario([L | Facts], q_substitution(S, For, Scope, F, T)).

%   Art 12(1): "下级岗位可以主动、及时、顺向替补上级岗位的职责"
test("a lower post may cover a higher non-leadership post (forward)",
     true(A-D == true-'顺向')) :-
    sub('法官助理', '执行法官', team, [], F, T),
    A = F.allowed, D = F.direction,
    memberchk(step(forward_substitution, ['法官助理', '执行法官'], [c(12,1,null)]), T).

%   Art 12(1): "但不得进行逆向的岗位职责替补"
test("a higher post may not cover a lower one (reverse)",
     true(A-D == false-'逆向')) :-
    sub('执行法官', '书记员', team, [], F, _),
    A = F.allowed, D = F.direction.

%   Art 12(1): the director covering a team leader is reverse as well.
test("the director covering a team leader is reverse substitution, not allowed",
     true(A-D == false-'逆向')) :-
    sub('局长', '团队长', bureau, [], F, _),
    A = F.allowed, D = F.direction.

%   Art 12(1): "除领导岗位外" -- the director's post is not covered under
%   Art 12; his deputy acts for him only under 8(5).
test("the deputy may not cover the director's post by Art 12 substitution",
     true(A == false)) :-
    sub('副局长', '局长', bureau, [], F, T),
    A = F.allowed,
    memberchk(step(leadership_excluded, ['局长'], [c(12,1,null)]), T),
    memberchk(step(acting_instead, ['局长', '副局长'], [c(8,1,5)]), T).

%   Art 12(1): "除领导岗位外" -- the deputy director's post is a leadership post.
test("a team leader may not cover the deputy director's post",
     true(A == false)) :-
    sub('团队长', '副局长', bureau, [], F, _),
    A = F.allowed.

%   Art 12(2): "局长决定全局人员的临时性岗位职责替补"
test("the director decides temporary substitutions across the bureau",
     true(D == '局长')) :-
    sub('书记员', '法官助理', bureau, [], F, T),
    D = F.decided_by,
    memberchk(step(substitution_decider, [bureau, '局长'], [c(12,2,null)]), T).

%   Art 12(2): "副局长决定分管部门（处）人员的临时性岗位职责替补"
test("the deputy decides temporary substitutions in his department",
     true(D == '副局长')) :-
    sub('书记员', '法官助理', department, [], F, _),
    D = F.decided_by.

%   Art 12(2): "团队长决定执行组内人员的临时性岗位职责替补"
test("the team leader decides temporary substitutions in the team",
     true(D == '团队长')) :-
    sub('书记员', '法官助理', team, [], F, _),
    D = F.decided_by.

%   Art 12(2) 处 / 执行组 are the department / team scopes.
test("'处' and '执行组' are the department and team scopes",
     true(Ss == [department, team])) :-
    findall(S, ( member(V, ["处", "执行组"]), pyreason_engine:resolve_name(pyreason_kb, scope, scope, V, S) ), Ss).

%   Art 12(2): "局长决定全局人员的临时性岗位职责替补" -- the scopes are nested,
%   so an absent team leader's decision passes up (i_substitution_scopes_nested).
test("team leader away: the deputy decides a team substitution",
     true(A-D == true-'副局长')) :-
    sub('书记员', '法官助理', team, [absent('团队长')], F, T),
    A = F.allowed, D = F.decided_by,
    \+ memberchk(gap(_), T),
    memberchk(interp(i_substitution_scopes_nested), T).

test("team leader and deputy away: the director decides a team substitution",
     true(D == '局长')) :-
    sub('书记员', '法官助理', team, [absent('团队长'), absent('副局长')], F, _),
    D = F.decided_by.

test("deputy away: the director decides a department substitution",
     true(D == '局长')) :-
    sub('书记员', '法官助理', department, [absent('副局长')], F, T),
    D = F.decided_by,
    \+ memberchk(gap(_), T).

%   Art 12(1) "除领导岗位外" comes before the ranks: the same leadership post
%   is not covered either.
test("a deputy may not cover another deputy (leadership post, not a peer gap)",
     true(A == false)) :-
    sub('副局长', '副局长', bureau, [], F, T),
    A = F.allowed,
    memberchk(step(leadership_excluded, ['副局长'], [c(12,1,null)]), T),
    \+ memberchk(gap(_), T).

%   Amended Art 12(1): "同级岗位之间经局长批准可以平级替补".
test("a judge may cover another judge laterally, with the director's approval",
     true(A-D-By == true-'平级'-'局长')) :-
    sub('执行法官', '执行法官', team, [], F, T),
    A = F.allowed, D = F.direction, By = F.decided_by,
    memberchk(step(lateral_substitution, ['执行法官', '执行法官'], [c(12,1,null)]), T),
    \+ memberchk(gap(_), T).

%   Amended Art 12(1) with 8(5): the director away, his authorised deputy
%   approves the lateral substitution for him.
test("the director away and the deputy authorised: the deputy approves a lateral substitution",
     true(By-For == '副局长'-'局长')) :-
    sub('书记员', '书记员', team, [absent('局长'), authorized('局长', '副局长')], F, _),
    By = F.decided_by, For = F.acting_for.

%   Art 12(1) does not list the leadership posts; Art 1 names the team
%   leader beside the director in the responsibility system, so whether a
%   team leader's post may be covered is open.
test("whether a team member may cover the team leader is open (gap)",
     true(A == null)) :-
    sub('团队成员', '团队长', team, [], F, T),
    A = F.allowed,
    memberchk(gap(g_team_leader_leadership_post), T).

%   The ladder is scenario data: reversing it reverses the direction.
test("a scenario's own ladder decides which post is higher",
     true(A-D == true-'顺向')) :-
    with_scenario([ladder(['书记员', '执行法官'])],
                  q_substitution('执行法官', '书记员', team, F, _)),
    A = F.allowed, D = F.direction.

:- end_tests(article_12).
