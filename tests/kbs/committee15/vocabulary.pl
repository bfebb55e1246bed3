:- encoding(utf8).
/*  The names a scenario may use.

    known(Kind, Value, Name, Id, Label): the rules receive Value (an atom,
    here the text's own word, so answers show it); Name is shown; Id is an
    English id accepted as input; Label an English label.
*/

%   ---- roles: the posts of the committee (2(1)), the court leader (Art 5)
%   and the committee itself -------------------------------------------------

known(role, '主任委员', "主任委员", chair_member, "chair of the committee").
known(role, '副主任委员', "副主任委员", vice_chair_member, "vice-chair of the committee").
known(role, '委员', "委员", member, "member of the committee").
known(role, '分管院领导', "分管院领导", court_leader_in_charge, "court leader in charge").
known(role, '执行事务委员会', "执行事务委员会", enforcement_affairs_committee, "enforcement affairs committee").

known_alias(role, '主任', '主任委员').
known_alias(role, '副主任', '副主任委员').
known_alias(role, '分管院长', '分管院领导').
known_alias(role, '委员会', '执行事务委员会').

known_group(role, '主任委员', committee_post).
known_group(role, '副主任委员', committee_post).
known_group(role, '委员', committee_post).
known_group(role, '分管院领导', court_leader).
known_group(role, '执行事务委员会', organ).

%   The committee is an organ, never a person; the court leader is one.
impersonal('执行事务委员会').
unique_holder('分管院领导').

kind_label(role, zh, "职务或机构").
kind_label(role, en, "post or body").

known_citation(role, '主任委员', c(2,1,null)).
known_citation(role, '副主任委员', c(2,1,null)).
known_citation(role, '委员', c(2,1,null)).
known_citation(role, '分管院领导', c(5,1,null)).
known_citation(role, '执行事务委员会', c(2,1,null)).
