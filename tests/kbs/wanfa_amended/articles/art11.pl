:- encoding(utf8).
/*  第十一条【分歧处理】  */

article(11, "分歧处理").
paragraph(11, 1, "执行局实行统一管理、统一指挥、统一协调，下级指挥管理权服从上级指挥管理权。执行局内以局长指挥管理意见作为决定意见，执行团队内以团队长指挥管理意见作为决定意见。").
paragraph(11, 2, "重大事项，由局长报请分管副院长决定。").

%   deciding_view(Scope, Role, Citation): whose view decides within a scope.
deciding_view(bureau, '局长', c(11,1,null)).
deciding_view(team, '团队长', c(11,1,null)).

%   The deciding views and 11(2), quoted verbatim as duties (duty/3).
duty('局长', "执行局内以局长指挥管理意见作为决定意见", c(11,1,null)).
duty('团队长', "执行团队内以团队长指挥管理意见作为决定意见", c(11,1,null)).
duty('局长', "重大事项，由局长报请分管副院长决定", c(11,2,null)).
duty('分管副院长', "重大事项，由局长报请分管副院长决定", c(11,2,null)).

%   The team is within the bureau: a team's deciding view, when the team
%   leader is away, is the bureau's (i_deciding_view_nested).
deciding_view_within(team, bureau).

%   major_matter_decider(Decider, RequestedBy, Citation) (11(2)); read within
%   Art. 11, i.e. for disagreements (i_art11_2_context).
major_matter_decider('分管副院长', '局长', c(11,2,null)).

%   command_rank(Role, Rank, Citations): the order in which "下级指挥管理权
%   服从上级指挥管理权" (11(1)) ranks the parties within the bureau: level one
%   (局) over level two (团队) over team members (3(2), 10(2)); the director,
%   who exercises level one alone, over the deputy who assists him (3(2)).
%   The 分管副院长 is outside the two levels; a disagreement with him is
%   decided under 11(2) when major and is otherwise a recorded gap
%   (g_vp_director_disagreement).
command_rank('局长', 4, [c(3,2,null)]).
command_rank('副局长', 3, [c(3,2,null)]).
command_rank('团队长', 2, [c(3,2,null)]).
command_rank('团队成员', 1, [c(10,2,null)]).
