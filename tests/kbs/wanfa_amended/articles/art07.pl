:- encoding(utf8).
/*  第七条【执行案件管理层级】  */

article(7, "执行案件管理层级").
paragraph(7, 1, "下列执行事项应当报请局长批准：").
item(7, 1, 1, "重大、疑难、复杂案件执行方案的确定；").
item(7, 1, 2, "执行财产的处置、降价（撤回）拍卖、抵债和变卖；").
item(7, 1, 3, "执行案款的发放；").
item(7, 1, 4, "执行力量的集中使用和各执行团队之间的警力调配；").
item(7, 1, 5, "执行救助的决定和救助款的发放；").
item(7, 1, 6, "其他需要局长批准的执行事项。").
%   Added by the 2024 amendment (amends/2 in document.pl).
paragraph(7, 2, "执行案款的发放，单笔金额在五百万元以上的，由局长报请分管副院长批准。").

matter(enforcement_plan, '重大、疑难、复杂案件执行方案的确定', c(7,1,1)).
matter(property_disposal, '执行财产的处置、降价（撤回）拍卖、抵债和变卖', c(7,1,2)).
matter(release_funds, '执行案款的发放', c(7,1,3)).
matter(force_deployment, '执行力量的集中使用和各执行团队之间的警力调配', c(7,1,4)).
matter(relief, '执行救助的决定和救助款的发放', c(7,1,5)).
matter(other_approval, '其他需要局长批准的执行事项', c(7,1,6)).

%   Item 1 covers only the plans of 重大、疑难、复杂 cases; its short names
%   below leave the qualifier out, so the rules ask the scenario (facts.major).
requires_major(enforcement_plan, c(7,1,1)).

%   Each action an item lists, on its own.  Short names that leave out a
%   qualifier of their item apply a recorded reading (alias_reading/2 in
%   vocabulary.pl).
matter_action(enforcement_plan, '执行方案的确定').
matter_action(enforcement_plan, '执行方案').
matter_action(property_disposal, '执行财产的处置').
matter_action(property_disposal, '财产处置').
matter_action(property_disposal, '降价拍卖').
matter_action(property_disposal, '撤回拍卖').
matter_action(property_disposal, '抵债').
matter_action(property_disposal, '变卖').
matter_action(release_funds, '案款发放').
matter_action(release_funds, '发放执行案款').
matter_action(force_deployment, '执行力量的集中使用').
matter_action(force_deployment, '警力调配').
matter_action(force_deployment, '各执行团队之间的警力调配').
%   Art. 9(4) names the same matter in other words (i_police_same_matter).
matter_action(force_deployment, '执行司法警力的集中使用和各执行组之间的警力调配').
matter_action(force_deployment, '执行司法警力的集中使用').
matter_action(relief, '执行救助的决定').
matter_action(relief, '执行救助').
matter_action(relief, '救助款的发放').

%   7(1): the director approves each listed matter, but for funds of a single
%   release of 五百万元以上, which 7(2) gives to the 分管副院长 on the
%   director's request.
decides(M, '局长', '批准', c(7,1,I)) :- matter(M, _, c(7,1,I)), \+ large_release_(M).
decides(release_funds, '分管副院长', '批准', c(7,2,null)) :- large_release_(release_funds).
requested_by(release_funds, '局长', c(7,2,null)) :- large_release_(release_funds).

%   7(2): "单笔金额在五百万元以上" (以上 includes the line itself).
threshold(amount, 5000000, '以上', c(7,2,null)).
large_release_(release_funds) :-
    scenario_fact(amount(A)), amount_meets(A, '以上', 5000000).
