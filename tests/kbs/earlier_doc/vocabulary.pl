:- encoding(utf8).
/*  The names a scenario may use: the posts this document names, and the
    other posts of the bureau a scenario of the court's rule set may list as
    away (so that such a scenario is one this document can take).  */

role('局长', director, "director").
role('副局长', deputy_director, "deputy director").
role('分管副院长', vice_president_in_charge, "vice-president in charge").
role('团队长', team_leader, "team leader").
role('执行法官', enforcement_judge, "enforcement judge").
role('法官助理', judge_assistant, "judge's assistant").
role('书记员', clerk, "clerk").

known(role, R, R, Id, L) :- role(R, Id, L).
known(matter, M, Name, M, "release of enforcement funds") :- matter(M, Name, _).
known_alias(matter, '案款发放', release_funds).
known_alias(matter, '发放执行案款', release_funds).
known_citation(matter, M, C) :- matter(M, _, C).

kind_label(role, zh, "角色或岗位").
kind_label(role, en, "role or post").
kind_label(matter, zh, "事项").
kind_label(matter, en, "matter").
