:- encoding(utf8).
/*  Vocabulary: canonical Chinese names, their kinds and aliases.

    role(Name, Kind, EnglishId, EnglishLabel)
      Kind is body (an organ, never a person), court_post (a post of the
      court outside the bureau), bureau_post, or ladder_post (a
      non-leadership post that sits on the substitution ladder).
*/

role('院党组', body, party_group, "court party group").
role('审判委员会', body, adjudication_committee, "adjudication committee").
role('执行局', body, enforcement_bureau, "enforcement bureau").
role('院长', court_post, president, "president of the court").
role('副院长', court_post, vice_president, "vice-president").
role('分管院长', court_post, president_in_charge, "court leader in charge").
role('分管副院长', court_post, vice_president_in_charge, "vice-president in charge").
role('局长', bureau_post, director, "director").
role('副局长', bureau_post, deputy_director, "deputy director").
role('党支部书记', bureau_post, party_branch_secretary, "party branch secretary").
role('相关事项负责人员', bureau_post, responsible_person, "person responsible for the matter").
role('团队长', bureau_post, team_leader, "team leader").
role('团队成员', bureau_post, team_member, "team member").
role('执行法官', ladder_post, enforcement_judge, "enforcement judge").
role('执行员', ladder_post, enforcement_officer, "enforcement officer").
role('法官助理', ladder_post, judge_assistant, "judge's assistant").
role('书记员', ladder_post, clerk, "clerk").
role('司法警察', ladder_post, judicial_police, "judicial police officer").

%   Other names for the same role.
role_alias('deputy', '副局长').
role_alias('处长', '副局长').            % 3(2) "副局长（处长）" (i_chu_zhang_alias)
role_alias('党组', '院党组').
role_alias('审委会', '审判委员会').
role_alias('vice_president_in_charge', '分管副院长').
role_alias('vp_in_charge', '分管副院长').
role_alias('team_members', '团队成员').

%   Roles that one person holds at a time; the others may be held by several.
single_holder('院长').
single_holder('分管院长').
single_holder('分管副院长').
single_holder('局长').
single_holder('党支部书记').

meeting_label('局务会议', bureau_meeting, "bureau meeting").
meeting_label('团队长联席会议', team_leaders_meeting, "team leaders' joint meeting").
meeting_alias('局务会', '局务会议').       % Arts 5, 15 (i_jwh_is_meeting)
meeting_alias('联席会议', '团队长联席会议').

scope(team, '团队', "team").
scope(department, '部门', "department").
scope(bureau, '执行局', "bureau").
scope_alias('团队', team).
scope_alias('执行团队', team).
scope_alias('执行组', team).
scope_alias('部门', department).
scope_alias('处', department).
scope_alias('分管部门', department).
scope_alias('局', bureau).
scope_alias('执行局', bureau).
scope_alias('全局', bureau).

%   alias_reading(Alias, ReadingId): using this alias applies a recorded
%   interpretation, which the answer then lists.
alias_reading('处长', i_chu_zhang_alias).
alias_reading('局务会', i_jwh_is_meeting).
alias_reading('执行组', i_team_is_group).

%   Short names of a matter that leave out a qualifier of their item: the
%   answer relies on the qualifier being met, and says so.  (The plan of
%   7(1)(1) is asked about facts.major instead: requires_major/2.)
alias_reading('工作分配', i_alias_internal_allocation).
alias_reading('力量配置', i_alias_internal_allocation).
alias_reading('职责分工', i_alias_team_tasks).
alias_reading('任务分配', i_alias_team_tasks).
alias_reading('警力调配', i_alias_police_between_teams).
alias_reading('宣传', i_alias_external).
alias_reading('法律文书', i_alias_legal_documents).
alias_reading('执行案件的法律文书', i_alias_legal_documents).
alias_reading('财产处置', i_alias_enforcement).
alias_reading('降价拍卖', i_alias_enforcement).
alias_reading('撤回拍卖', i_alias_enforcement).
alias_reading('抵债', i_alias_enforcement).
alias_reading('变卖', i_alias_enforcement).
alias_reading('案款发放', i_alias_enforcement).
alias_reading('指挥中心日常事务', i_alias_enforcement).

%   The regulation names no non-leadership posts; this default ladder
%   (highest first) is an assumption a scenario may replace (i_ladder_default).
default_ladder(['执行法官', '法官助理', '书记员']).
