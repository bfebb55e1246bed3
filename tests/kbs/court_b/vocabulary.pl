:- encoding(utf8).
/*  The names a scenario may use.

    known(Kind, Value, Name, Id, Label): the rules receive Value (an atom,
    here the text's own word, so answers show it); Name is shown; Id is an
    English id accepted as input; Label an English label.
*/

%   ---- roles: the posts of the bureau (2(2)), the court leader (Art 8) and
%   the organs the text names ----------------------------------------------

known(role, '局长', "局长", director, "director of the enforcement bureau").
known(role, '常务副局长', "常务副局长", executive_deputy_director, "executive deputy director").
known(role, '副局长', "副局长", deputy_director, "deputy director").
known(role, '团队长', "团队长", team_leader, "team leader").
known(role, '执行法官', "执行法官", enforcement_judge, "enforcement judge").
known(role, '法官助理', "法官助理", judge_assistant, "judge's assistant").
known(role, '书记员', "书记员", clerk, "clerk").
known(role, '分管院领导', "分管院领导", court_leader_in_charge, "court leader in charge").
known(role, '局务会议', "局务会议", bureau_meeting, "bureau meeting").
known(role, '审判委员会', "审判委员会", adjudication_committee, "adjudication committee").
known(role, '执行局', "执行局", enforcement_bureau, "enforcement bureau").

known_alias(role, '分管副局长', '副局长').           % 3(1)(2)
known_alias(role, '分管该团队的副局长', '副局长').   % 2(3)
known_alias(role, '其他副局长', '副局长').           % 5(1)
known_alias(role, '常务', '常务副局长').
known_alias(role, '执行团队长', '团队长').
known_alias(role, '分管院长', '分管院领导').
known_alias(role, '分管副院长', '分管院领导').
known_alias(role, '局务会', '局务会议').
known_alias(role, '审委会', '审判委员会').

known_group(role, '局长', bureau_post).
known_group(role, '常务副局长', bureau_post).
known_group(role, '副局长', bureau_post).
known_group(role, '团队长', bureau_post).
known_group(role, '执行法官', bureau_post).
known_group(role, '法官助理', bureau_post).
known_group(role, '书记员', bureau_post).
known_group(role, '分管院领导', court_leader).
known_group(role, '局务会议', organ).
known_group(role, '审判委员会', organ).
known_group(role, '执行局', organ).

%   Organs, never persons.
impersonal('局务会议').
impersonal('审判委员会').
impersonal('执行局').

%   Posts one person holds; the bureau may have several 副局长 and several
%   团队长, and of course several judges, assistants and clerks.
unique_holder('局长').
unique_holder('常务副局长').
unique_holder('分管院领导').

%   ---- matters (Arts 3, 4) -------------------------------------------------

known(matter, '执行案款的发放', "执行案款的发放", release_of_funds, "release of enforcement funds").
known(matter, '执行财产的拍卖、变卖', "执行财产的拍卖、变卖", auction_or_sale, "auction or sale of property under enforcement").
known(matter, '对被执行人采取罚款、拘留措施', "对被执行人采取罚款、拘留措施", fine_or_detention, "fining or detaining the person subject to enforcement").
known(matter, '执行案件的中止、终结', "执行案件的中止、终结", suspension_or_termination, "suspension or termination of enforcement").
known(matter, '财产调查措施的采取', "财产调查措施的采取", property_investigation, "taking property investigation measures").
known(matter, '执行通知书、报告财产令的发出', "执行通知书、报告财产令的发出", enforcement_notice, "issuing the enforcement notice and the order to report property").

%   Each action an item lists, on its own.
known_alias(matter, '执行案款发放', '执行案款的发放').
known_alias(matter, '案款发放', '执行案款的发放').
known_alias(matter, '发放执行案款', '执行案款的发放').
known_alias(matter, '执行财产的拍卖', '执行财产的拍卖、变卖').
known_alias(matter, '执行财产的变卖', '执行财产的拍卖、变卖').
known_alias(matter, '拍卖', '执行财产的拍卖、变卖').
known_alias(matter, '变卖', '执行财产的拍卖、变卖').
known_alias(matter, '罚款', '对被执行人采取罚款、拘留措施').
known_alias(matter, '拘留', '对被执行人采取罚款、拘留措施').
known_alias(matter, '对被执行人罚款', '对被执行人采取罚款、拘留措施').
known_alias(matter, '对被执行人拘留', '对被执行人采取罚款、拘留措施').
known_alias(matter, '中止执行', '执行案件的中止、终结').
known_alias(matter, '终结执行', '执行案件的中止、终结').
known_alias(matter, '执行案件的中止', '执行案件的中止、终结').
known_alias(matter, '执行案件的终结', '执行案件的中止、终结').
known_alias(matter, '财产调查', '财产调查措施的采取').
known_alias(matter, '执行通知书', '执行通知书、报告财产令的发出').
known_alias(matter, '报告财产令', '执行通知书、报告财产令的发出').
known_alias(matter, '发出执行通知书', '执行通知书、报告财产令的发出').
known_alias(matter, '发出报告财产令', '执行通知书、报告财产令的发出').

known_group(matter, '执行案款的发放', amount_band).
known_group(matter, '执行财产的拍卖、变卖', director_approves).
known_group(matter, '对被执行人采取罚款、拘留措施', director_approves).
known_group(matter, '执行案件的中止、终结', director_approves).
known_group(matter, '财产调查措施的采取', team_leader_approves).
known_group(matter, '执行通知书、报告财产令的发出', team_leader_approves).

%   "其他副局长" (5(1)) names the post only (i_deputy_post_collective).
alias_reading('其他副局长', i_deputy_post_collective).

%   The text writes the deputy three ways.
drift_terms('副局长', ["副局长", "分管副局长", "分管该团队的副局长"]).

%   ---- the kinds in words, and where the text names each ------------------------

kind_label(role, zh, "岗位或机构").
kind_label(role, en, "post or body").
kind_label(matter, zh, "执行事项").
kind_label(matter, en, "enforcement matter").

known_citation(role, '局长', c(2,2,null)).
known_citation(role, '常务副局长', c(2,2,null)).
known_citation(role, '副局长', c(2,2,null)).
known_citation(role, '团队长', c(2,2,null)).
known_citation(role, '执行法官', c(2,2,null)).
known_citation(role, '法官助理', c(2,2,null)).
known_citation(role, '书记员', c(2,2,null)).
known_citation(role, '分管院领导', c(8,1,null)).
known_citation(role, '局务会议', c(6,1,null)).
known_citation(role, '审判委员会', c(8,2,null)).
known_citation(role, '执行局', c(2,1,null)).
known_citation(matter, '执行案款的发放', c(3,1,null)).
known_citation(matter, '执行财产的拍卖、变卖', c(4,1,1)).
known_citation(matter, '对被执行人采取罚款、拘留措施', c(4,1,2)).
known_citation(matter, '执行案件的中止、终结', c(4,1,3)).
known_citation(matter, '财产调查措施的采取', c(4,2,1)).
known_citation(matter, '执行通知书、报告财产令的发出', c(4,2,2)).
