:- encoding(utf8).
/*  第八条【副局长岗位职责】  */

article(8, "副局长岗位职责").
paragraph(8, 1, "副局长主要负责以下工作：").
item(8, 1, 1, "根据职责分工，落实执行局的各项具体工作；").
item(8, 1, 2, "协助局长负责分管部门的案件管理，定期向局长汇报具体工作的开展情况；").
item(8, 1, 3, "根据局长授权，召集并主持局务会议和团队长联席会议；").
item(8, 1, 4, "根据工作需要，召集会议，听取汇报，研究问题，部署工作，落实责任；").
item(8, 1, 5, "局长不在岗时，根据授权代为履行局长职责；").
item(8, 1, 6, "其他需要副局长负责的工作。").

duty('副局长', "根据职责分工，落实执行局的各项具体工作", c(8,1,1)).
duty('副局长', "协助局长负责分管部门的案件管理，定期向局长汇报具体工作的开展情况", c(8,1,2)).
duty('副局长', "根据局长授权，召集并主持局务会议和团队长联席会议", c(8,1,3)).
duty('副局长', "根据工作需要，召集会议，听取汇报，研究问题，部署工作，落实责任", c(8,1,4)).
duty('副局长', "局长不在岗时，根据授权代为履行局长职责", c(8,1,5)).
duty('副局长', "其他需要副局长负责的工作", c(8,1,6)).

%   acting_power(Principal, Agent, Condition, Citation): Agent exercises
%   Principal's duties.  8(5): only while the director is not at his post,
%   and only by authorisation.  It covers all the director's duties,
%   including the Art. 7 approvals (i_deputy_powers_general).
acting_power('局长', '副局长', absent_and_authorised, c(8,1,5)).

%   authorisation_grantor(Principal, Grantor, Interpretations): whose
%   authorisation lets the agent act for Principal.  8(5) and 9(4) say only
%   "根据授权" and name no grantor (8(3) alone says "根据局长授权"); the
%   director himself, and the 分管副院长 who leads and commands the bureau
%   (1(2)), may authorise (i_authorisation_grantor).  Principal is always one
%   whom acting_power/4 names.
authorisation_grantor(P, P, []).
authorisation_grantor(_, G, [i_authorisation_grantor]) :-
    leads_bureau(G, _).

%   chair_by_authorisation(Principal, Agent, Citation): 8(3) lets the
%   deputy convene and chair both meetings by the director's authorisation,
%   whether or not the director is at his post (i_deputy_chair_by_authorisation).
chair_by_authorisation('局长', '副局长', c(8,1,3)).
