:- encoding(utf8).
/*  The words of the explanation steps and of the KB's own input errors.

    msg(Key, Lang, Format): a format/2 string whose ~w take the step's
    arguments, rendered by the engine (known names by their name, numbers
    as they are, the atoms below by word/3).
*/

%   ---- meeting -------------------------------------------------------------------

msg(attendance, zh, "执行事务委员会全体组成人员~w人，出席~w人。").
msg(attendance, en, "The committee has ~w members in all; ~w attend.").
msg(tally, zh, "赞成~w票，反对~w票，弃权~w票。").
msg(tally, en, "~w for, ~w against, ~w abstaining.").
msg(quorum_met, zh, "出席~w人，超过全体组成人员~w人的半数，会议可以召开。").
msg(quorum_met, en, "~w attend, more than half of all ~w members: the meeting may be held.").
msg(quorum_not_met, zh, "出席~w人，未超过全体组成人员~w人的半数，会议不得召开，不能形成决议。").
msg(quorum_not_met, en, "~w attend, not more than half of all ~w members: the meeting may not be held and resolves nothing.").
msg(chair, zh, "会议由~w召集和主持。").
msg(chair, en, "The meeting is convened and chaired by ~w.").
msg(chair_in_turn, zh, "~w未出席，由~w召集和主持。").
msg(chair_in_turn, en, "~w does not attend; ~w convenes and chairs.").
msg(no_chair, zh, "可以召集和主持会议的~w均未出席。").
msg(no_chair, en, "None of those who may convene and chair the meeting (~w) attends.").
msg(majority_for, zh, "赞成~w票，超过出席人数~w人的半数，决议通过。").
msg(majority_for, en, "~w for, more than half of the ~w present: the resolution passes.").
msg(not_majority_for, zh, "赞成~w票，未超过出席人数~w人的半数，决议未通过。").
msg(not_majority_for, en, "~w for, not more than half of the ~w present: the resolution fails.").
msg(no_votes_either_way, zh, "出席人员均投弃权票，赞成票与反对票均为零，不属于由主持人决定的票数相等。").
msg(no_votes_either_way, en, "Everyone present abstained: with no votes for or against there is no tie for the chair to decide.").
msg(tie_decided, zh, "赞成票与反对票票数相等（~w比~w），按照主持人~w的表决意见（~w）决定。").
msg(tie_decided, en, "Votes for and against are equal (~w to ~w); the chair, ~w, decides by his own vote (~w).").
msg(tie_chair_abstained, zh, "赞成票与反对票相等（~w比~w），但主持人~w投弃权票，无从按照其表决意见决定。").
msg(tie_chair_abstained, en, "Votes for and against are equal (~w to ~w), but the chair, ~w, abstained: there is no vote of his to decide by.").
msg(referral_open, zh, "决议通过，~w表决时持反对意见，可以报请~w决定。").
msg(referral_open, en, "The resolution passed and ~w voted against it: he may refer it to ~w for decision.").

%   The engine's input errors in this KB's words, and its own.
msg(err_not_a_member, zh, "~w不是执行事务委员会组成人员，不参加表决（第二条）").
msg(err_not_a_member, en, "~w is not a member of the committee and does not vote (Art. 2)").
msg(err_unknown_opinion, zh, "未知的表决意见：~w（赞成、反对或者弃权）").
msg(err_unknown_opinion, en, "unknown vote: ~w (赞成 for, 反对 against or 弃权 abstain)").

%!  why_not(?Key) is nondet.
%
%   The steps that say why a rule did not apply.
why_not(quorum_not_met).
why_not(no_chair).
why_not(not_majority_for).
why_not(no_votes_either_way).
why_not(tie_chair_abstained).

word(for, zh, "赞成").
word(for, en, "for").
word(against, zh, "反对").
word(against, en, "against").
