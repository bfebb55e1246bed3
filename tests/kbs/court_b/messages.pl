:- encoding(utf8).
/*  The words of the explanation steps and of the KB's own input errors.

    msg(Key, Lang, Format): a format/2 string whose ~w take the step's
    arguments, rendered by the engine (known names by their name, numbers
    as they are, the atoms below by word/3).
*/

%   ---- approver -----------------------------------------------------------------

msg(amount_band, zh, "~w，单笔发放金额~w元，属于~w，由~w审批。").
msg(amount_band, en, "~w: a single payment of ~w yuan falls in ~w, approved by ~w.").
msg(amount_at_threshold, zh, "~w，单笔发放金额~w元，恰为第三条所定的界限金额；“以上”包括本数、“不满”不包括本数，故属于~w，由~w审批。").
msg(amount_at_threshold, en, "~w: a single payment of exactly ~w yuan, a line Art. 3 draws; \"or more\" includes the number and \"less than\" excludes it, so it falls in ~w, approved by ~w.").
msg(decides, zh, "~w，由~w审批。").
msg(decides, en, "~w is approved by ~w.").
msg(recused_up, zh, "~w与所审批的事项有利害关系，应当回避，由其上一级~w审批。").
msg(recused_up, en, "~w has an interest in the matter and must recuse himself; his next level up, ~w, approves.").
msg(recused_top, zh, "~w应当回避，但执行局内没有其上一级。").
msg(recused_top, en, "~w must recuse himself, but has no next level up within the bureau.").
msg(absent_not_approver, zh, "~w不在岗，不是审批人，其与事项有利害关系不影响依照第五条由他人审批。").
msg(absent_not_approver, en, "~w is away and is not the approver, so his interest in the matter does not stop others approving under Art. 5.").
msg(absent_up, zh, "~w不在岗，其审批事项由其上一级~w审批。").
msg(absent_up, en, "~w is away; his approvals go to his next level up, ~w.").
msg(acting_for_director, zh, "~w不在岗，由~w代行其职权。").
msg(acting_for_director, en, "~w is away; ~w acts in his place.").
msg(no_acting_available, zh, "~w不在岗，依次应当代行的~w均不能代行。").
msg(no_acting_available, en, "~w is away, and none of those who would act in turn (~w) can.").
msg(acting_unavailable, zh, "~w不在岗，不能代行。").
msg(acting_unavailable, en, "~w is away and cannot act.").
msg(acting_recused, zh, "~w与所审批的事项有利害关系，应当回避，不能代行。").
msg(acting_recused, en, "~w has an interest in the matter, must recuse himself and cannot act.").
msg(no_acting_rule, zh, "~w不在岗时由谁代行，本规则未作规定。").
msg(no_acting_rule, en, "These rules do not say who acts for ~w while away.").
msg(outside_bureau, zh, "~w不是执行局岗位，本规则未作规定。").
msg(outside_bureau, en, "~w is not a post of the enforcement bureau; these rules do not provide for it.").

%   ---- acting --------------------------------------------------------------------

msg(no_authorisation_needed, zh, "~w代行~w的职权，无需另行授权。").
msg(no_authorisation_needed, en, "~w acts for ~w without any authorisation.").
msg(approvals_by_rule, zh, "~w审批~w的审批事项，依照第五条第二款直接发生，无需授权。").
msg(approvals_by_rule, en, "~w approves what ~w would approve; this follows from Art. 5(2) itself and needs no authorisation.").

%   ---- meeting -------------------------------------------------------------------

msg(members_unseen, zh, "局务会议成员还包括~w（第六条第一款），场景既未列为出席也未列为不在岗，各按一人计算。").
msg(members_unseen, en, "The bureau meeting also includes ~w (Art. 6(1)), whom the scenario lists neither as attending nor as away: each is counted as one member.").
msg(attendance, zh, "局务会议全体成员~w人，出席~w人。").
msg(attendance, en, "The bureau meeting has ~w members in all; ~w attend.").
msg(tally, zh, "赞成~w票，反对~w票，弃权~w票。").
msg(tally, en, "~w for, ~w against, ~w abstaining.").
msg(quorum_met, zh, "出席~w人，超过全体成员~w人的半数，会议可以召开。").
msg(quorum_met, en, "~w attend, more than half of all ~w members: the meeting may be held.").
msg(quorum_not_met, zh, "出席~w人，未超过全体成员~w人的半数，会议不得召开，不能形成决议。").
msg(quorum_not_met, en, "~w attend, not more than half of all ~w members: the meeting may not be held and resolves nothing.").
msg(chair, zh, "局务会议由~w主持。").
msg(chair, en, "The bureau meeting is chaired by ~w.").
msg(chair_acting, zh, "~w未出席，由依照第五条第一款代行其职权的~w召集和主持。").
msg(chair_acting, en, "~w does not attend; ~w, who acts for him under Art. 5(1), convenes and chairs.").
msg(no_chair, zh, "~w和依照第五条第一款代行其职权的人员均未出席，无人召集和主持会议。").
msg(no_chair, en, "Neither ~w nor anyone who acts for him under Art. 5(1) attends: nobody convenes or chairs the meeting.").
msg(majority_of_all, zh, "赞成~w票，超过全体成员~w人的半数，决议通过。").
msg(majority_of_all, en, "~w votes for, more than half of all ~w members: the resolution passes.").
msg(not_majority_of_all, zh, "赞成~w票，未超过全体成员~w人的半数，决议未通过。").
msg(not_majority_of_all, en, "~w votes for, not more than half of all ~w members: the resolution fails.").
msg(majority_of_present_only, zh, "赞成~w票虽多于反对~w票，但通过决议须经全体成员（~w人）过半数同意，不以出席人数计算。").
msg(majority_of_present_only, en, "~w votes for outnumber ~w against, but a resolution needs more than half of ALL ~w members, not of those present.").
msg(no_votes_either_way, zh, "出席成员均投弃权票，没有赞成票和反对票，不存在需要主持人决定票的票数相等。").
msg(no_votes_either_way, en, "Every member present abstained: with no votes for or against there is no tie for the chair's casting vote to break.").
msg(casting_for, zh, "赞成票与反对票票数相等，主持人~w投赞成票，其决定票为赞成。").
msg(casting_for, en, "Votes for and against are equal; the chair, ~w, voted for, so the casting vote is for.").
msg(casting_against, zh, "赞成票与反对票票数相等，主持人~w投反对票，其决定票为反对，决议未通过。").
msg(casting_against, en, "Votes for and against are equal; the chair, ~w, voted against, so the casting vote is against and the resolution fails.").
msg(casting_abstain, zh, "赞成票与反对票票数相等，但主持人~w投弃权票，决定票投向何方无从确定。").
msg(casting_abstain, en, "Votes for and against are equal, but the chair, ~w, abstained: which way the casting vote goes cannot be told.").
msg(casting_divided, zh, "赞成票与反对票票数相等，但可以担任主持的~w意见不一，决定票投向何方无从确定。").
msg(casting_divided, en, "Votes for and against are equal, but those holding the chairing post (~w) voted differently: which way the casting vote goes cannot be told.").
msg(reading_outcome, zh, "按~w，~w。").
msg(reading_outcome, en, "Reading it as ~w, ~w.").
msg(resolution_needs_approval, zh, "决议涉及~w，单笔~w元，属于五百万元以上，应当报~w批准后执行。").
msg(resolution_needs_approval, en, "The resolution concerns ~w, a single payment of ~w yuan, 5,000,000 or more: it takes effect only once ~w approves.").
msg(resolution_below_threshold, zh, "决议涉及~w，单笔~w元，不满五百万元，无需报~w批准。").
msg(resolution_below_threshold, en, "The resolution concerns ~w, a single payment of ~w yuan, less than 5,000,000: it need not go to ~w.").
msg(approval_depends_on_amount, zh, "决议涉及~w；单笔五百万元以上的，应当报~w批准（场景未给出金额）。").
msg(approval_depends_on_amount, en, "The resolution concerns ~w; a single payment of 5,000,000 yuan or more must go to ~w for approval (the scenario gives no amount).").

%   ---- substitution ----------------------------------------------------------------

msg(same_level, zh, "~w与~w是同级岗位，可以相互替补。").
msg(same_level, en, "~w and ~w are posts of the same level and may cover each other.").
msg(approval_required, zh, "替补须经~w批准。").
msg(approval_required, en, "A substitution needs the approval of ~w.").
msg(approved, zh, "替补已经~w（或者代行其职权的人员）批准。").
msg(approved, en, "The substitution has been approved by ~w (or whoever acts for him).").
msg(not_approved, zh, "替补未经~w批准，不得替补。").
msg(not_approved, en, "The substitution has not been approved by ~w and may not take place.").
msg(within_limit, zh, "替补期限~w日，不超过~w日。").
msg(within_limit, en, "The substitution lasts ~w days, not more than ~w.").
msg(beyond_limit, zh, "替补期限~w日，超过~w日的上限。").
msg(beyond_limit, en, "The substitution lasts ~w days, more than the limit of ~w.").
msg(limit_applies, zh, "替补期限不得超过~w日。").
msg(limit_applies, en, "The substitution may last ~w days at most.").
msg(reverse_refused, zh, "~w是~w的上级岗位，上下级岗位之间不得相互替补。").
msg(reverse_refused, en, "~w is a post above ~w; posts of different levels may not cover each other.").
msg(upward_refused, zh, "~w是~w的下级岗位，上下级岗位之间不得相互替补。").
msg(upward_refused, en, "~w is a post below ~w; posts of different levels may not cover each other.").
msg(acting_instead, zh, "~w不在岗的，依照第五条第一款由常务副局长、其他副局长依次代行。").
msg(acting_instead, en, "While ~w is away, the executive deputy and then the other deputies act in turn under Art. 5(1).").
msg(approvals_up_instead, zh, "~w不在岗的，依照第五条第二款其审批事项由其上一级审批。").
msg(approvals_up_instead, en, "While ~w is away, his approvals go to his next level up under Art. 5(2).").

%   ---- the KB's own input errors --------------------------------------------------

msg(err_amount_required, zh, "执行案款的发放须给出单笔发放金额（facts.amount）").
msg(err_amount_required, en, "the release of funds needs the amount of the payment (facts.amount)").
msg(err_amount_not_positive, zh, "发放金额应当大于零：~w").
msg(err_amount_not_positive, en, "the amount must be more than nothing: ~w").
msg(err_not_a_member, zh, "~w不是局务会议成员，不参加表决").
msg(err_not_a_member, en, "~w is not a member of the bureau meeting and does not vote").
msg(err_members_too_few, zh, "全体成员人数~w少于出席和列为不在岗的成员人数之和（局长、副局长、团队长各至少一人，第六条第一款）").
msg(err_members_too_few, en, "~w members in all is fewer than those attending and those listed as away (with at least one director, one deputy and one team leader, Art. 6(1))").
msg(err_unknown_opinion, zh, "未知的表决意见：~w（赞成、反对或者弃权）").
msg(err_unknown_opinion, en, "unknown vote: ~w (赞成 for, 反对 against or 弃权 abstain)").
msg(err_same_post, zh, "~w只有一人，不能替补自己").
msg(err_same_post, en, "there is only one ~w, who cannot cover himself").
msg(err_duration_unit, zh, "替补期限应当以日计，不能以~w计").
msg(err_duration_unit, en, "the substitution's length must be given in days, not in ~w").
msg(err_duration_not_positive, zh, "替补期限应当大于零日：~w").
msg(err_duration_not_positive, en, "the substitution must last at least one day: ~w").

%   ---- why-not steps -----------------------------------------------------------------

%!  why_not(?Key) is nondet.
%
%   Steps that say why a rule did not apply or a condition failed.
why_not(recused_top).
why_not(no_acting_available).
why_not(acting_unavailable).
why_not(acting_recused).
why_not(no_acting_rule).
why_not(outside_bureau).
why_not(quorum_not_met).
why_not(no_chair).
why_not(not_majority_of_all).
why_not(majority_of_present_only).
why_not(no_votes_either_way).
why_not(casting_abstain).
why_not(casting_divided).
why_not(resolution_below_threshold).
why_not(not_approved).
why_not(beyond_limit).
why_not(reverse_refused).
why_not(upward_refused).

%   ---- words inside messages ------------------------------------------------------------

word(decisive, zh, "决定票直接决定表决结果的理解").
word(decisive, en, "the casting vote deciding the tie outright").
word(additional, zh, "决定票计入赞成票、决议仍须全体成员过半数同意的理解").
word(additional, en, "the casting vote as one more vote for, a majority of all members still being needed").
word(adopted, zh, "决议通过").
word(adopted, en, "the resolution passes").
word(rejected, zh, "决议不通过").
word(rejected, en, "the resolution fails").
word(band_below_500k, zh, "“不满五十万元”").
word(band_below_500k, en, "\"less than 500,000 yuan\"").
word(band_500k_to_5m, zh, "“五十万元以上不满五百万元”").
word(band_500k_to_5m, en, "\"500,000 yuan or more but less than 5,000,000 yuan\"").
word(band_5m_and_above, zh, "“五百万元以上”").
word(band_5m_and_above, en, "\"5,000,000 yuan or more\"").
word(day, zh, "日").
word(day, en, "days").
word(workday, zh, "工作日").
word(workday, en, "workdays").
word(month, zh, "月").
word(month, en, "months").
