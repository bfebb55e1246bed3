:- encoding(utf8).
/*  第十二条【岗位职责替补】  */

article(12, "岗位职责替补").
paragraph(12, 1, "执行局建立职责明确，相互补台的工作机制。除领导岗位外，因工作需要，下级岗位可以主动、及时、顺向替补上级岗位的职责，同级岗位之间经局长批准可以平级替补，但不得进行逆向的岗位职责替补。").
paragraph(12, 2, "局长决定全局人员的临时性岗位职责替补，副局长决定分管部门（处）人员的临时性岗位职责替补，团队长决定执行组内人员的临时性岗位职责替补。").

%   substitution_direction(Direction, Allowed, Citation) (12(1)).
substitution_direction('顺向', true, c(12,1,null)).
substitution_direction('逆向', false, c(12,1,null)).
%   Amended 12(1): "同级岗位之间经局长批准可以平级替补".
substitution_direction('平级', true, c(12,1,null)).
lateral_decider('局长', c(12,1,null)).

%   leadership_post(Post): excluded from substitution by "除领导岗位外".
%   The text does not list them (i_leadership_posts); whether 团队长 is one
%   is left open (g_team_leader_leadership_post).
leadership_post('院长').
leadership_post('副院长').
leadership_post('分管院长').
leadership_post('分管副院长').
leadership_post('局长').
leadership_post('副局长').
leadership_post_unclear('团队长').

%   substitution_decider(Scope, Role, Citation) (12(2)).  "执行组" is read as
%   the 执行团队 (i_team_is_group).
substitution_decider(bureau, '局长', c(12,2,null)).
substitution_decider(department, '副局长', c(12,2,null)).
substitution_decider(team, '团队长', c(12,2,null)).

%   The three scopes of 12(2) are nested, not exclusive: the 局长 decides for
%   "全局人员", who include every department's and team's staff; the 副局长
%   for the staff of his departments, who include their teams' staff
%   (i_substitution_scopes_nested).  An absent decider's power passes up.
scope_within(team, department).
scope_within(department, bureau).

duty('局长', "决定全局人员的临时性岗位职责替补", c(12,2,null)).
duty('副局长', "决定分管部门（处）人员的临时性岗位职责替补", c(12,2,null)).
duty('团队长', "决定执行组内人员的临时性岗位职责替补", c(12,2,null)).

%   The fixed order of the posts above the ladder, highest first.  The
%   non-leadership posts below 团队长 come from the ladder (default in
%   vocabulary.pl, overridable per scenario).
post_order(['分管副院长', '局长', '副局长', '团队长']).
